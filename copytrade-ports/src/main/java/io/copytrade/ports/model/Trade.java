package io.copytrade.ports.model;

import java.time.Instant;
import java.util.Objects;

/** One exchange fill of an order; a partially filled order has several. */
public record Trade(
    AccountId account,
    String tradeId,
    OrderId orderId,
    Side side,
    InstrumentKey instrument,
    ProductType product,
    Quantity quantity,
    Price price,
    Instant tradedAt) {

  public Trade {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(tradeId, "tradeId");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(tradedAt, "tradedAt");
  }
}
