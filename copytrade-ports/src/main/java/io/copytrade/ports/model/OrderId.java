package io.copytrade.ports.model;

/** Dhan's order number ("orderId" in REST, "OrderNo" on the order-update socket). */
public record OrderId(String value) {
  public OrderId {
    if (value == null || value.isBlank() || value.length() > 64) {
      throw new IllegalArgumentException("order id must be 1-64 non-blank characters: '" + value + "'");
    }
  }

  public static OrderId of(String value) {
    return new OrderId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
