package io.copytrade.ports.model;

/** Where an instrument trades, named as in Dhan's annexure (an exchange and one of its segments). */
public enum ExchangeSegment {
  IDX_I,
  NSE_EQ,
  NSE_FNO,
  NSE_CURRENCY,
  BSE_EQ,
  MCX_COMM,
  BSE_CURRENCY,
  BSE_FNO
}
