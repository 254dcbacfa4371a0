package io.copytrade.sqlite;

/** The audit_log table; the schema's triggers refuse anything but appending. */
interface AuditDao {
  RowStatement<AuditRow> APPEND = RowStatement.of(AuditRow.class, """
      INSERT INTO audit_log (ts, action, account_id, leader_order_id, correlation_id, detail, outcome,
          duration_ms)
      VALUES (:ts, :action, :accountId, :leaderOrderId, :correlationId, :detail, :outcome, :durationMs)
      """);
}
