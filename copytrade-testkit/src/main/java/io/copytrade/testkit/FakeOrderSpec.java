package io.copytrade.testkit;

import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.Price;
import java.util.Objects;
import java.util.Optional;

/**
 * An order a fake account holder types in, written as a chain:
 * {@code FakeOrderSpec.buy(key).quantity(520).limit("112.50")}. Defaults: MARKET, INTRADAY, DAY, no
 * correlation id, quantity 0 (which Dhan refuses, so always set it). Strings are Dhan's REST enum values.
 *
 * @param price zero for MARKET and STOP_LOSS_MARKET, as Dhan expects
 */
public record FakeOrderSpec(
    String transactionType,
    InstrumentKey instrument,
    int quantity,
    String orderType,
    Price price,
    Optional<Price> triggerPrice,
    String productType,
    String validity,
    Optional<String> correlationId) {

  public FakeOrderSpec {
    Objects.requireNonNull(transactionType, "transactionType");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(orderType, "orderType");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(triggerPrice, "triggerPrice");
    Objects.requireNonNull(productType, "productType");
    Objects.requireNonNull(validity, "validity");
    Objects.requireNonNull(correlationId, "correlationId");
  }

  public static FakeOrderSpec buy(InstrumentKey instrument) {
    return of("BUY", instrument);
  }

  public static FakeOrderSpec sell(InstrumentKey instrument) {
    return of("SELL", instrument);
  }

  private static FakeOrderSpec of(String side, InstrumentKey instrument) {
    return new FakeOrderSpec(side, instrument, 0, "MARKET", Price.ZERO, Optional.empty(), "INTRADAY", "DAY",
        Optional.empty());
  }

  /** Contracts, e.g. 520 for 8 NIFTY lots. */
  public FakeOrderSpec quantity(int units) {
    return new FakeOrderSpec(transactionType, instrument, units, orderType, price, triggerPrice, productType,
        validity, correlationId);
  }

  public FakeOrderSpec limit(String rupees) {
    return limit(Price.ofRupees(rupees));
  }

  public FakeOrderSpec limit(Price limit) {
    return priced("LIMIT", limit, Optional.empty());
  }

  public FakeOrderSpec market() {
    return priced("MARKET", Price.ZERO, Optional.empty());
  }

  /** A stop-loss limit order: triggers at {@code trigger}, then rests at {@code limit}. */
  public FakeOrderSpec stopLoss(String trigger, String limit) {
    return priced("STOP_LOSS", Price.ofRupees(limit), Optional.of(Price.ofRupees(trigger)));
  }

  public FakeOrderSpec stopLossMarket(String trigger) {
    return priced("STOP_LOSS_MARKET", Price.ZERO, Optional.of(Price.ofRupees(trigger)));
  }

  /** CNC, INTRADAY, MARGIN, MTF, CO or BO. */
  public FakeOrderSpec product(String product) {
    return new FakeOrderSpec(transactionType, instrument, quantity, orderType, price, triggerPrice, product,
        validity, correlationId);
  }

  /** DAY or IOC. */
  public FakeOrderSpec validity(String newValidity) {
    return new FakeOrderSpec(transactionType, instrument, quantity, orderType, price, triggerPrice, productType,
        newValidity, correlationId);
  }

  public FakeOrderSpec correlationId(String id) {
    return new FakeOrderSpec(transactionType, instrument, quantity, orderType, price, triggerPrice, productType,
        validity, Optional.of(id));
  }

  private FakeOrderSpec priced(String type, Price newPrice, Optional<Price> trigger) {
    return new FakeOrderSpec(transactionType, instrument, quantity, type, newPrice, trigger, productType,
        validity, correlationId);
  }
}
