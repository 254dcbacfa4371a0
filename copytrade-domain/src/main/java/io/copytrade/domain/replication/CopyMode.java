package io.copytrade.domain.replication;

/** How a follower copies the leader's new positions. Exits always mirror the leader's order. */
public enum CopyMode {
  /**
   * The default: mirror the leader's orders as they rest: place on a new order, modify when the leader
   * modifies, cancel when the leader's order is cancelled, rejected or expires.
   */
  ORDERS,
  /**
   * Copy only what the leader actually filled: after every (partial) fill the follower is brought to its
   * share of the leader's cumulative fill with a MARKET order. Nothing rests, so nothing is modified or
   * cancelled.
   */
  FILLS
}
