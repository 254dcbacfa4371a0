/**
 * Failsafe policies around each broker account, built once per account: retries with backoff for idempotent
 * reads only, a circuit breaker, and client-side rate limits per Dhan API category. Order writes are never
 * retried, except after a 429, which is Dhan's definite refusal (nothing was placed).
 */
package io.copytrade.app.resilience;
