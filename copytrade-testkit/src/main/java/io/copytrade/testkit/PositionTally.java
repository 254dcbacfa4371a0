package io.copytrade.testkit;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** The day's buys and sells of one instrument and product in one account, and what follows from them. */
final class PositionTally {
  final AccountId account;
  final InstrumentRow instrument;
  final String productType;
  int buyQty;
  long buyValuePaise;
  int sellQty;
  long sellValuePaise;

  PositionTally(AccountId account, InstrumentRow instrument, String productType) {
    this.account = account;
    this.instrument = instrument;
    this.productType = productType;
  }

  void add(Fill fill) {
    if (fill.side().equals("BUY")) {
      buyQty += fill.quantity();
      buyValuePaise += fill.valuePaise();
    } else {
      sellQty += fill.quantity();
      sellValuePaise += fill.valuePaise();
    }
  }

  int netQty() {
    return buyQty - sellQty;
  }

  String positionType() {
    return netQty() > 0 ? "LONG" : netQty() < 0 ? "SHORT" : "CLOSED";
  }

  Price buyAvg() {
    return Price.ofPaise(toPaise(average(buyValuePaise, buyQty)));
  }

  Price sellAvg() {
    return Price.ofPaise(toPaise(average(sellValuePaise, sellQty)));
  }

  /** The matched quantity's sell average minus buy average. */
  Money realizedProfit() {
    int matched = Math.min(buyQty, sellQty);
    BigDecimal perUnit = average(sellValuePaise, sellQty).subtract(average(buyValuePaise, buyQty));
    return Money.ofPaise(matched == 0 ? 0 : toPaise(perUnit.multiply(BigDecimal.valueOf(matched))));
  }

  /** The open quantity at {@code ltp} against its own side's average; zero without a market price. */
  Money unrealizedProfit(Optional<Price> ltp) {
    int net = netQty();
    if (net == 0 || ltp.isEmpty()) return Money.ZERO;
    BigDecimal mark = BigDecimal.valueOf(ltp.get().paise());
    BigDecimal perUnit = net > 0 ? mark.subtract(average(buyValuePaise, buyQty))
        : average(sellValuePaise, sellQty).subtract(mark);
    return Money.ofPaise(toPaise(perUnit.multiply(BigDecimal.valueOf(Math.abs(net)))));
  }

  FakePosition view(Optional<Price> ltp) {
    return new FakePosition(account, instrument.key(), productType, positionType(), netQty(), buyQty, sellQty,
        buyAvg(), sellAvg(), realizedProfit(), unrealizedProfit(ltp));
  }

  private static BigDecimal average(long valuePaise, int quantity) {
    return quantity == 0 ? BigDecimal.ZERO
        : BigDecimal.valueOf(valuePaise).divide(BigDecimal.valueOf(quantity), 10, RoundingMode.HALF_UP);
  }

  private static long toPaise(BigDecimal paise) {
    return paise.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
