package io.copytrade.sqlite;

/** The funds and positions snapshot tables. A second snapshot at the same moment replaces the first. */
interface SnapshotDao {
  RowStatement<FundsRow> PUT_FUNDS = RowStatement.of(FundsRow.class, """
      INSERT OR REPLACE INTO funds (snapshot_ts, account_id, available_paise, sod_limit_paise, utilized_paise)
      VALUES (:snapshotTs, :accountId, :availablePaise, :sodLimitPaise, :utilizedPaise)
      """);

  RowStatement<PositionRow> PUT_POSITION = RowStatement.of(PositionRow.class, """
      INSERT OR REPLACE INTO positions (snapshot_ts, account_id, exchange_segment, security_id, product,
          net_quantity, buy_avg_paise, sell_avg_paise, realized_paise, unrealized_paise)
      VALUES (:snapshotTs, :accountId, :exchangeSegment, :securityId, :product, :netQuantity, :buyAvgPaise,
          :sellAvgPaise, :realizedPaise, :unrealizedPaise)
      """);
}
