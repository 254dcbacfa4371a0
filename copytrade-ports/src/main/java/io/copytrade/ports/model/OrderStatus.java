package io.copytrade.ports.model;

/** A broker order's state, as Dhan reports it. */
public enum OrderStatus {
  /** Accepted by Dhan, not yet at the exchange; cannot be cancelled yet. */
  TRANSIT,
  PENDING,
  PART_TRADED,
  TRADED,
  CANCELLED,
  REJECTED,
  EXPIRED;

  /** The order can still trade, be modified or be cancelled. */
  public boolean isOpen() {
    return this == TRANSIT || this == PENDING || this == PART_TRADED;
  }

  public boolean isTerminal() {
    return !isOpen();
  }
}
