/**
 * Entry filters: small named checks that decide whether a follower copies a new leader position at all,
 * each returning allow or skip-with-reason; the first skip wins. Filters see the instrument as the
 * instrument master describes it, never as the event states it.
 *
 * <p>Exits never pass through here: a follower always follows the leader out of a position. Times are
 * India Standard Time ({@code Asia/Kolkata}) wall-clock times, taken from the caller's clock. No nulls
 * cross a port.
 */
package io.copytrade.domain.filter;
