/**
 * The copy state machine: which moves between {@link io.copytrade.ports.model.CopyState}s are allowed, and
 * which copy state a follower order's broker status implies.
 *
 * <p>Units: quantities are contracts. Time arrives as an {@link java.time.Instant} from the caller's clock.
 * No nulls cross a port.
 */
package io.copytrade.domain.order;
