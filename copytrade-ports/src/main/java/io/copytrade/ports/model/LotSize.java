package io.copytrade.ports.model;

/** Contracts per lot, as published in Dhan's instrument master; never hard-coded. */
public record LotSize(int units) {
  public LotSize {
    if (units <= 0) throw new IllegalArgumentException("lot size must be > 0: " + units);
  }

  public static LotSize of(int units) {
    return new LotSize(units);
  }
}
