package io.copytrade.ports.model;

import java.math.BigDecimal;

/** An exact, signed amount of money in paise (balances, profit and loss, margins). */
public record Money(long paise) implements Comparable<Money> {
  public static final Money ZERO = new Money(0);

  /** "98440.0" becomes 9844000 paise; "-1.5" becomes -150; a fraction of a paisa throws. */
  public static Money ofRupees(String text) {
    try {
      return new Money(new BigDecimal(text.trim()).movePointRight(2).longValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("not an amount in whole paise: '" + text + "'", e);
    }
  }

  public static Money ofPaise(long paise) {
    return new Money(paise);
  }

  public BigDecimal rupees() {
    return BigDecimal.valueOf(paise, 2);
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(paise, other.paise));
  }

  public boolean isPositive() {
    return paise > 0;
  }

  @Override
  public int compareTo(Money o) {
    return Long.compare(paise, o.paise);
  }

  @Override
  public String toString() {
    return "₹" + rupees().toPlainString();
  }
}
