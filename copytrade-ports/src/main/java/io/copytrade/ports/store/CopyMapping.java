package io.copytrade.ports.store;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One follower order for one step of one leader order: the intent, and what became of it.
 *
 * @param step what the order does for the leader order ("entry", "slice-2", ...), part of the correlation id
 * @param sizing how the quantity was reached, e.g. "capital_proportional 250000.00/1000000.00"
 * @param reason why it was skipped, rejected or failed
 */
public record CopyMapping(
    CorrelationId correlationId,
    OrderId leaderOrderId,
    AccountId follower,
    String step,
    InstrumentKey instrument,
    Side side,
    Quantity leaderQuantity,
    Quantity followerQuantity,
    String sizing,
    CopyState state,
    Optional<OrderId> followerOrderId,
    Optional<String> reason,
    Instant createdAt,
    Instant updatedAt) {

  public CopyMapping {
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(leaderOrderId, "leaderOrderId");
    Objects.requireNonNull(follower, "follower");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(leaderQuantity, "leaderQuantity");
    Objects.requireNonNull(followerQuantity, "followerQuantity");
    Objects.requireNonNull(sizing, "sizing");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(followerOrderId, "followerOrderId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** This mapping moved to {@code next} at {@code at}, with the order id and reason given (if any). */
  public CopyMapping moveTo(CopyState next, Optional<OrderId> orderId, Optional<String> why, Instant at) {
    return new CopyMapping(correlationId, leaderOrderId, follower, step, instrument, side, leaderQuantity,
        followerQuantity, sizing, next, orderId.or(() -> followerOrderId), why, createdAt, at);
  }
}
