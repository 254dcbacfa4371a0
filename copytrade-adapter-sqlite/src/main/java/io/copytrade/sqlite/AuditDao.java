package io.copytrade.sqlite;

import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The audit_log table; the schema's triggers refuse anything but appending. */
interface AuditDao {
  @SqlUpdate("""
      INSERT INTO audit_log (ts, action, account_id, leader_order_id, correlation_id, detail, outcome,
          duration_ms)
      VALUES (:ts, :action, :accountId, :leaderOrderId, :correlationId, :detail, :outcome, :durationMs)
      """)
  void append(@BindRow AuditRow row);
}
