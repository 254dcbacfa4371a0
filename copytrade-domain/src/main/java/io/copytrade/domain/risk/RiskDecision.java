package io.copytrade.domain.risk;

import java.util.Objects;

/** A risk rule's verdict on one copy. */
public sealed interface RiskDecision {
  record Allow() implements RiskDecision {}

  /** The copy must not be sent; {@code reason} names the numbers. */
  record Reject(String reason) implements RiskDecision {
    public Reject {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The copy must not be sent, and the follower should take no more entries until someone looks (a daily
   * loss limit was reached). The domain cannot switch the follower off itself; it reports this upward.
   */
  record RejectAndPause(String reason) implements RiskDecision {
    public RejectAndPause {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
