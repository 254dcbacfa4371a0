package io.copytrade.sqlite;

import static io.copytrade.sqlite.Columns.millis;

import io.copytrade.ports.model.Funds;
import java.time.Instant;

/** A funds row: one account's fund limits at one moment. */
record FundsRow(long snapshotTs, String accountId, long availablePaise, long sodLimitPaise, long utilizedPaise) {

  static FundsRow of(Funds f, Instant at) {
    return new FundsRow(millis(at), f.account().value(), f.available().paise(), f.startOfDayLimit().paise(),
        f.utilized().paise());
  }
}
