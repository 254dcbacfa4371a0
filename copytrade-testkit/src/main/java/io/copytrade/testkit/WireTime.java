package io.copytrade.testkit;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Dhan's timestamps: IST wall time as {@code yyyy-MM-dd HH:mm:ss}, with {@code 0001-01-01 00:00:00} for unset. */
final class WireTime {
  static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  static final String UNSET = "0001-01-01 00:00:00";
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private WireTime() {}

  static String format(LocalDateTime time) {
    return time.format(FORMAT);
  }

  static String format(Optional<LocalDateTime> time) {
    return time.map(WireTime::format).orElse(UNSET);
  }
}
