/**
 * Replication use cases: a leader order event in, one copy per follower out, each decided, recorded and
 * only then sent, so a repeated event or a restart never places twice.
 *
 * <p>Units: quantities are contracts, capital and prices exact paise; audit details show prices in rupees.
 * Time comes only from the {@link java.time.InstantSource} passed in. No nulls cross a port.
 */
package io.copytrade.domain.replication;
