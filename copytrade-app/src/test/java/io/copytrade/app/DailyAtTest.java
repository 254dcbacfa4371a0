package io.copytrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DailyAtTest {
  private final DailyAt eightIst = new DailyAt(LocalTime.of(8, 0), DailyAt.IST);

  @Test
  void laterTodayWhenBeforeTheTime() {
    // 01:00 UTC is 06:30 IST: 1 h 30 min to go.
    assertThat(eightIst.untilNext(Instant.parse("2026-11-24T01:00:00Z"))).isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void tomorrowWhenAtOrAfterTheTime() {
    // 02:30 UTC is exactly 08:00 IST: the next one is a day away.
    assertThat(eightIst.untilNext(Instant.parse("2026-11-24T02:30:00Z"))).isEqualTo(Duration.ofDays(1));
    assertThat(eightIst.untilNext(Instant.parse("2026-11-24T10:00:00Z"))).isEqualTo(Duration.ofHours(16).plusMinutes(30));
  }

  @Test
  void theLastOccurrenceIsTodaysOnceItsTimeHasComeElseYesterdays() {
    assertThat(eightIst.lastAtOrBefore(Instant.parse("2026-11-24T02:30:00Z")))
        .isEqualTo(Instant.parse("2026-11-24T02:30:00Z"));
    assertThat(eightIst.lastAtOrBefore(Instant.parse("2026-11-24T02:29:59Z")))
        .isEqualTo(Instant.parse("2026-11-23T02:30:00Z"));
  }
}
