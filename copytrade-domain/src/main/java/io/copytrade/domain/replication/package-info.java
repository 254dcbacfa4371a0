/**
 * Replication use cases: a leader order event in, each follower's copies brought to what the leader's
 * order now is, every write decided, recorded and only then sent, so a repeated event or a restart never
 * writes twice.
 *
 * <p>A leader order that reduces the leader's position is an exit: the follower closes the same fraction
 * of its own position, never more than it holds. Anything else (or what is beyond flat) is an entry, sized
 * by capital and floored to lots, passed through the follower's filters and risk rules. In
 * {@link io.copytrade.domain.replication.CopyMode#ORDERS} mode resting copies follow the leader's modifies
 * and cancels; in {@link io.copytrade.domain.replication.CopyMode#FILLS} mode only filled quantity is
 * copied. Orders above the freeze quantity go as slices. What the domain cannot finish now (a cancel
 * refused in TRANSIT) or cannot do itself (pausing a follower) comes back in a
 * {@link io.copytrade.domain.replication.ReplicationResult}. Copies a crash or a lost answer left in flight
 * (INTENDED, UNKNOWN) are finished by {@link io.copytrade.domain.replication.ResolveInFlightCopies}: found at
 * the broker by correlation id or in the order book, or, once the TRANSIT window has passed without a trace,
 * sent again under the same id if the leader still calls for them.
 *
 * <p>Units: quantities are contracts, capital and prices exact paise; audit details show prices in rupees.
 * Time comes only from the {@link java.time.InstantSource} passed in. No nulls cross a port.
 */
package io.copytrade.domain.replication;
