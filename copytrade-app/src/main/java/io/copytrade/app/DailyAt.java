package io.copytrade.app;

import io.copytrade.domain.replication.PositionLedger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A time of day in a zone (the instrument master is refreshed daily, before the market opens in IST). */
record DailyAt(LocalTime time, ZoneId zone) {
  static final ZoneId IST = PositionLedger.IST;

  /** The latest occurrence at or before {@code now}. */
  Instant lastAtOrBefore(Instant now) {
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime last = local.with(time);
    return (last.isAfter(local) ? last.minusDays(1) : last).toInstant();
  }

  /** How long from {@code now} until the next occurrence, strictly after now. */
  Duration untilNext(Instant now) {
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime next = local.with(time);
    if (!next.isAfter(local)) next = next.plusDays(1);
    return Duration.between(now, next.toInstant());
  }
}
