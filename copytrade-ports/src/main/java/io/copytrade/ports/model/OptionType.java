package io.copytrade.ports.model;

/** Call or put. */
public enum OptionType {
  CALL, PUT
}
