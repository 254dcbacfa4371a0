package io.copytrade.sqlite;

import static io.copytrade.sqlite.Columns.millis;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.store.AuditEntry;

/**
 * An audit_log row. Nullable: accountId, leaderOrderId, correlationId, outcome, durationMs.
 */
record AuditRow(
    long ts,
    String action,
    String accountId,
    String leaderOrderId,
    String correlationId,
    String detail,
    String outcome,
    Long durationMs) {

  static AuditRow of(AuditEntry e) {
    return new AuditRow(
        millis(e.at()),
        e.action(),
        e.account().map(AccountId::value).orElse(null),
        e.leaderOrderId().map(OrderId::value).orElse(null),
        e.correlationId().map(CorrelationId::value).orElse(null),
        e.detail(),
        e.outcome().orElse(null),
        e.durationMillis().orElse(null));
  }
}
