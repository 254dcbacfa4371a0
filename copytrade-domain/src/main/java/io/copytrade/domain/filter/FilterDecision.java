package io.copytrade.domain.filter;

import java.util.Objects;

/** A filter's verdict on one entry. */
public sealed interface FilterDecision {
  record Allow() implements FilterDecision {}

  /** The entry is not copied; {@code reason} names the filter's setting and the value it refused. */
  record Skip(String reason) implements FilterDecision {
    public Skip {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
