package io.copytrade.testkit;

import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.Price;
import java.util.Optional;

/** The exchange side: last traded prices that fill resting orders, and scripted (partial) fills. */
public final class FakeMarket {
  private final Book book;

  FakeMarket(Book book) {
    this.book = book;
  }

  /**
   * Sets the last traded price. Open MARKET orders fill at it; LIMIT buys at or above it and sells at or below
   * it fill at it; stop-loss orders trigger when it reaches their trigger price.
   */
  public FakeMarket price(InstrumentKey key, Price ltp) {
    book.price(key, ltp);
    return this;
  }

  public Optional<Price> lastPrice(InstrumentKey key) {
    return book.lastPrice(key);
  }

  /**
   * Trades {@code quantity} of an open order that has left TRANSIT, at its own price (or the market price for
   * market orders): a partial fill when less than what remains.
   */
  public void fill(OrderId order, int quantity) {
    book.fill(order, quantity);
  }
}
