package io.copytrade.domain.replication;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.store.CopyMapping;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One follower position compared with its target by a reconciliation, and what was done about it.
 *
 * @param leaderNet the leader's signed net quantity in this instrument and product
 * @param held the follower's signed net quantity
 * @param target what the follower should hold, signed; empty when its sizing gives no position target (risk
 *     based) or the instrument is not in the catalogue
 * @param detail how the target was reached and why the outcome is what it is
 * @param orders the reconciliation orders sent for it, in the state the broker's answer led to
 */
public record PositionCheck(AccountId follower, InstrumentKey instrument, ProductType product, int leaderNet,
    int held, Optional<Integer> target, Outcome outcome, String detail, List<CopyMapping> orders) {

  /** What the reconciliation found and did. */
  public enum Outcome {
    /** The position is on target. */
    IN_LINE,
    /** Off target and left so (the policy, a filter or a risk rule says so): an alert. */
    MISMATCH,
    /** Off target; orders were sent to correct it. */
    CORRECTED,
    /** Not judged now: orders or copies in it are still moving; the next reconciliation looks again. */
    DEFERRED
  }

  public PositionCheck {
    Objects.requireNonNull(follower, "follower");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
    orders = List.copyOf(orders);
  }
}
