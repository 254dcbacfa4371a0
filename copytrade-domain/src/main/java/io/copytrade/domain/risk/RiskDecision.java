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
}
