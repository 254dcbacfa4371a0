package io.copytrade.domain.replication;

/** What position reconciliation may do about a follower position that differs from its target. */
public enum ReconcilePolicy {
  /** Report the difference; place nothing. */
  ALERT,
  /** Close what should not be there (a position the leader does not hold, or more than the target); never add. */
  FLAT_ONLY,
  /** Place the difference both ways, closing first; additions pass the follower's filters and risk rules. */
  RESYNC
}
