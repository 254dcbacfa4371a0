package io.copytrade.domain.order;

import java.util.Objects;

/** Whether a copy may move from one state to another. */
public sealed interface Transition {
  record Allowed() implements Transition {}

  record Refused(String reason) implements Transition {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
