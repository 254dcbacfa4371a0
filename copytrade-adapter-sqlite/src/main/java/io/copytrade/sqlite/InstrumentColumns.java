package io.copytrade.sqlite;

import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentKey;

/** The two columns that name an instrument in a row. */
record InstrumentColumns(String exchangeSegment, String securityId) {
  InstrumentKey toKey() {
    return InstrumentKey.of(ExchangeSegment.valueOf(exchangeSegment), securityId);
  }
}
