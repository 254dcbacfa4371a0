package io.copytrade.ports.model;

/** A count of whole lots of one instrument. */
public record Lots(int count) {
  public Lots {
    if (count < 0) throw new IllegalArgumentException("lots < 0: " + count);
  }

  public Quantity of(LotSize size) {
    return new Quantity(Math.multiplyExact(count, size.units()));
  }
}
