package io.copytrade.sqlite;

import static io.copytrade.sqlite.Columns.millis;
import static io.copytrade.sqlite.Columns.paise;

import io.copytrade.ports.model.LeaderOrderUpdate;
import java.time.Instant;

/** An order_events row. {@code triggerPricePaise} and {@code avgPricePaise} may be null. */
record OrderEventRow(
    String orderId,
    String status,
    int quantity,
    int filledQuantity,
    long pricePaise,
    Long triggerPricePaise,
    Long avgPricePaise,
    long eventTs,
    long receivedTs) {

  static OrderEventRow of(LeaderOrderUpdate u, Instant receivedAt) {
    return new OrderEventRow(
        u.orderId().value(),
        u.status().name(),
        u.quantity().units(),
        u.filledQuantity().units(),
        u.price().paise(),
        paise(u.triggerPrice()),
        paise(u.averageTradedPrice()),
        millis(u.updatedAt()),
        millis(receivedAt));
  }
}
