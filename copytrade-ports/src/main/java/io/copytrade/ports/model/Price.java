package io.copytrade.ports.model;

import java.math.BigDecimal;

/** An exact price (or amount per contract) in paise, parsed from the wire's decimal text, never via double. */
public record Price(long paise) implements Comparable<Price> {
  public static final Price ZERO = new Price(0);

  public Price {
    if (paise < 0) throw new IllegalArgumentException("price < 0 paise: " + paise);
  }

  /** "112.5" becomes 11250 paise; "112.555" has a fraction of a paisa and throws. */
  public static Price ofRupees(String text) {
    try {
      return new Price(new BigDecimal(text.trim()).movePointRight(2).longValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("not a price in whole paise: '" + text + "'", e);
    }
  }

  public static Price ofPaise(long paise) {
    return new Price(paise);
  }

  public BigDecimal rupees() {
    return BigDecimal.valueOf(paise, 2);
  }

  /** The rupee amount as plain decimal text without trailing zeros ("112.5", "0"). */
  public String toRupeesText() {
    BigDecimal r = rupees().stripTrailingZeros();
    return (r.scale() < 0 ? r.setScale(0) : r).toPlainString();
  }

  /** The nearest multiple of {@code tick} at or below this price (a buy never pays more than asked). */
  public Price roundedDownTo(Price tick) {
    requireTick(tick);
    return new Price(paise - paise % tick.paise);
  }

  /** The nearest multiple of {@code tick} at or above this price (a sell never takes less than asked). */
  public Price roundedUpTo(Price tick) {
    requireTick(tick);
    long below = paise - paise % tick.paise;
    return new Price(below == paise ? paise : Math.addExact(below, tick.paise));
  }

  private static void requireTick(Price tick) {
    if (tick.paise <= 0) throw new IllegalArgumentException("tick must be > 0 paise: " + tick.paise);
  }

  public boolean isZero() {
    return paise == 0;
  }

  @Override
  public int compareTo(Price o) {
    return Long.compare(paise, o.paise);
  }

  @Override
  public String toString() {
    return "₹" + toRupeesText();
  }
}
