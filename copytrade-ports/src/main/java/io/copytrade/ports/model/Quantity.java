package io.copytrade.ports.model;

/** Contracts, as in Dhan's "quantity" (1 NIFTY lot = 65 contracts). */
public record Quantity(int units) implements Comparable<Quantity> {
  public static final Quantity ZERO = new Quantity(0);

  public Quantity {
    if (units < 0) throw new IllegalArgumentException("quantity < 0: " + units);
  }

  public static Quantity of(int units) {
    return new Quantity(units);
  }

  /** Whole lots in this quantity; a remainder below one lot is dropped (floors). */
  public Lots wholeLots(LotSize size) {
    return new Lots(units / size.units());
  }

  public boolean isZero() {
    return units == 0;
  }

  public Quantity plus(Quantity other) {
    return new Quantity(Math.addExact(units, other.units));
  }

  /** This minus {@code other}; refuses to go below zero. */
  public Quantity minus(Quantity other) {
    return new Quantity(units - other.units);
  }

  public Quantity min(Quantity other) {
    return units <= other.units ? this : other;
  }

  @Override
  public int compareTo(Quantity o) {
    return Integer.compare(units, o.units);
  }

  @Override
  public String toString() {
    return Integer.toString(units);
  }
}
