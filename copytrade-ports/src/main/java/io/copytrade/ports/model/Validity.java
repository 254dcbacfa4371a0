package io.copytrade.ports.model;

/** How long an order rests. */
public enum Validity {
  DAY, IOC
}
