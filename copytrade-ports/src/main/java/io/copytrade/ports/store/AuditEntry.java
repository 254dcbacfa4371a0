package io.copytrade.ports.store;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.OrderId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the append-only audit log: an action taken (or declined) and its outcome. {@code detail}
 * holds what was sent and answered, as JSON text, never a token.
 */
public record AuditEntry(
    Instant at,
    String action,
    Optional<AccountId> account,
    Optional<OrderId> leaderOrderId,
    Optional<CorrelationId> correlationId,
    String detail,
    Optional<String> outcome,
    Optional<Long> durationMillis) {

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(leaderOrderId, "leaderOrderId");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(durationMillis, "durationMillis");
  }
}
