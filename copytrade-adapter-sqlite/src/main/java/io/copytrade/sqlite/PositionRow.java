package io.copytrade.sqlite;

import static io.copytrade.sqlite.Columns.millis;

import io.copytrade.ports.model.Position;
import java.time.Instant;

/** A positions row: one account's net position in one instrument and product at one moment. */
record PositionRow(
    long snapshotTs,
    String accountId,
    String exchangeSegment,
    String securityId,
    String product,
    int netQuantity,
    long buyAvgPaise,
    long sellAvgPaise,
    long realizedPaise,
    long unrealizedPaise) {

  static PositionRow of(Position p, Instant at) {
    return new PositionRow(
        millis(at),
        p.account().value(),
        p.instrument().segment().name(),
        p.instrument().securityId().value(),
        p.product().name(),
        p.netQuantity(),
        p.buyAverage().paise(),
        p.sellAverage().paise(),
        p.realizedProfit().paise(),
        p.unrealizedProfit().paise());
  }
}
