package io.copytrade.ports.model;

/**
 * Where one copy (one follower order for one step of one leader order) stands. The allowed moves between
 * these states are the domain's copy state machine.
 */
public enum CopyState {
  /** The intent is stored; the broker has not been asked yet, or the process died before asking. */
  INTENDED,
  /** The order was sent and no answer came: it may exist. Resolve by correlation id, never resend. */
  UNKNOWN,
  /** The broker accepted the order and gave its id. */
  PLACED,
  /** The follower order traded in part. */
  PART_FILLED,
  /** The follower order traded in full. */
  FILLED,
  /** The broker or exchange refused the order. */
  REJECTED,
  /** The follower order was cancelled (by us following the leader, or by the broker). */
  CANCELLED,
  /** The copy was decided against (sizing under one lot, a filter, a risk limit); nothing was sent. */
  SKIPPED,
  /** Sending failed before the broker received it; nothing was placed. */
  FAILED;

  /** No further broker action can follow. */
  public boolean isFinal() {
    return this == FILLED || this == REJECTED || this == CANCELLED || this == SKIPPED || this == FAILED;
  }
}
