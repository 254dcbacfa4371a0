package io.copytrade.ports.model;

import java.util.Objects;

/**
 * An account's net position in one instrument and product. {@code netQuantity} is signed: positive long,
 * negative short, zero flat.
 *
 * @param carriedForward the signed part of it brought from earlier days (F\&O carry-forward): fixed all day,
 *     so the day's fills on top of it give the position at any moment
 */
public record Position(
    AccountId account,
    InstrumentKey instrument,
    ProductType product,
    int netQuantity,
    Price buyAverage,
    Price sellAverage,
    Money realizedProfit,
    Money unrealizedProfit,
    int carriedForward) {

  public Position {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(buyAverage, "buyAverage");
    Objects.requireNonNull(sellAverage, "sellAverage");
    Objects.requireNonNull(realizedProfit, "realizedProfit");
    Objects.requireNonNull(unrealizedProfit, "unrealizedProfit");
  }

  /** A position with nothing carried from earlier days. */
  public Position(AccountId account, InstrumentKey instrument, ProductType product, int netQuantity,
      Price buyAverage, Price sellAverage, Money realizedProfit, Money unrealizedProfit) {
    this(account, instrument, product, netQuantity, buyAverage, sellAverage, realizedProfit, unrealizedProfit, 0);
  }

  public boolean isFlat() {
    return netQuantity == 0;
  }
}
