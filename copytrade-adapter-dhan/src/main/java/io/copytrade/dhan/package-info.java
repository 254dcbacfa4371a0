/**
 * The Dhan (DhanHQ API v2) adapter's entry points: {@link io.copytrade.dhan.DhanBroker} for order entry and
 * account queries over REST, {@link io.copytrade.dhan.DhanOrderStream} for the leader's live order-update
 * socket, and {@link io.copytrade.dhan.DhanInstrumentMaster} for the detailed instrument CSV.
 *
 * <p>Units: quantities in contracts, prices and money in exact paise. Nothing here retries an order write;
 * tokens never reach a message or a log line. No nulls cross a port.
 */
package io.copytrade.dhan;
