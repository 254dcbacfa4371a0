package io.copytrade.ports.model;

/** Buy or sell. */
public enum Side {
  BUY, SELL
}
