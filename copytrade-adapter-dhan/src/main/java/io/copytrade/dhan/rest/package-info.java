/**
 * Dhan's REST API v2 (Retrofit, OkHttp, Moshi): order entry and account queries for one account.
 *
 * <p>Wire records ({@code *Json}) stay package-private and mirror Dhan's field names, typos included
 * ({@code availabelBalance}). Prices travel as decimal rupees and become exact paise; quantities are
 * contracts. Refusals of order writes become {@link io.copytrade.ports.broker.PlacementResult.Rejected};
 * everything else that goes wrong is a {@link io.copytrade.ports.broker.BrokerException} whose message never
 * holds the token. Nothing here retries. No nulls cross a port.
 */
package io.copytrade.dhan.rest;
