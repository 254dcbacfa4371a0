package io.copytrade.ports.model;

import java.util.Objects;

/**
 * An account's net position in one instrument and product. {@code netQuantity} is signed: positive long,
 * negative short, zero flat.
 */
public record Position(
    AccountId account,
    InstrumentKey instrument,
    ProductType product,
    int netQuantity,
    Price buyAverage,
    Price sellAverage,
    Money realizedProfit,
    Money unrealizedProfit) {

  public Position {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(buyAverage, "buyAverage");
    Objects.requireNonNull(sellAverage, "sellAverage");
    Objects.requireNonNull(realizedProfit, "realizedProfit");
    Objects.requireNonNull(unrealizedProfit, "unrealizedProfit");
  }

  public boolean isFlat() {
    return netQuantity == 0;
  }
}
