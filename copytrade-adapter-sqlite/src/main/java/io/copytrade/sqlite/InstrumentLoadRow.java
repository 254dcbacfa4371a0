package io.copytrade.sqlite;

import static io.copytrade.sqlite.Columns.millis;

import io.copytrade.ports.instrument.InstrumentLoad;
import java.time.Instant;

/** The instrument_loads row. */
record InstrumentLoadRow(String fingerprint, long instruments, long checkedAt) {
  static InstrumentLoadRow of(InstrumentLoad load) {
    return new InstrumentLoadRow(load.fingerprint(), load.instruments(), millis(load.checkedAt()));
  }

  InstrumentLoad toLoad() {
    return new InstrumentLoad(fingerprint, instruments, Instant.ofEpochMilli(checkedAt));
  }
}
