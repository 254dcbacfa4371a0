package io.copytrade.dhan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff standard = Backoff.standard();

  @Test
  void doublesFromOneSecondWithoutJitterAtTheMiddle() {
    assertThat(standard.delay(0, () -> 0.5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(standard.delay(1, () -> 0.5)).isEqualTo(Duration.ofSeconds(2));
    assertThat(standard.delay(4, () -> 0.5)).isEqualTo(Duration.ofSeconds(16));
  }

  @Test
  void jitterMovesTheDelayByUpToTwentyPercent() {
    assertThat(standard.delay(0, () -> 0.0)).isEqualTo(Duration.ofMillis(800));
    assertThat(standard.delay(2, () -> 0.0)).isEqualTo(Duration.ofMillis(3200));
    assertThat(standard.delay(2, () -> 0.75)).isEqualTo(Duration.ofMillis(4400));
    assertThat(standard.delay(0, () -> Math.nextDown(1.0)))
        .isBetween(Duration.ofMillis(1199), Duration.ofMillis(1200));
  }

  @Test
  void neverWaitsLongerThanTheCapEvenAfterManyAttempts() {
    assertThat(standard.delay(5, () -> 0.5)).isEqualTo(Duration.ofSeconds(30));
    assertThat(standard.delay(1_000_000, () -> 0.99)).isEqualTo(Duration.ofSeconds(30));
    assertThat(standard.delay(1_000_000, () -> 0.0)).isEqualTo(Duration.ofSeconds(24));
  }

  @Test
  void refusesRandomOutsideItsRangeAndNegativeAttempts() {
    assertThatThrownBy(() -> standard.delay(0, () -> 1.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> standard.delay(-1, () -> 0.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
