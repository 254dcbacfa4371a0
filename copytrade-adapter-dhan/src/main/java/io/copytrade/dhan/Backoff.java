package io.copytrade.dhan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential delay with jitter between reconnection attempts: {@code initial × multiplier^attempt}, moved by
 * up to ±{@code jitter} of itself, never above {@code max}.
 */
public record Backoff(Duration initial, BigDecimal multiplier, BigDecimal jitter, Duration max) {
  public Backoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(multiplier, "multiplier");
    Objects.requireNonNull(jitter, "jitter");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative()) throw new IllegalArgumentException("initial delay < 0: " + initial);
    if (multiplier.compareTo(BigDecimal.ONE) < 0) throw new IllegalArgumentException("multiplier < 1: " + multiplier);
    if (jitter.signum() < 0 || jitter.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException("jitter must be in [0, 1): " + jitter);
    }
    if (max.compareTo(initial) < 0) throw new IllegalArgumentException("max " + max + " < initial " + initial);
  }

  /** 1 s, doubling, ±20 %, at most 30 s. */
  public static Backoff standard() {
    return new Backoff(Duration.ofSeconds(1), BigDecimal.valueOf(2), new BigDecimal("0.2"), Duration.ofSeconds(30));
  }

  /**
   * The delay before retry number {@code attempt} (0 for the first).
   *
   * @param random a value in [0, 1), mapped onto [-jitter, +jitter]
   */
  public Duration delay(int attempt, DoubleSupplier random) {
    if (attempt < 0) throw new IllegalArgumentException("attempt < 0: " + attempt);
    double r = random.getAsDouble();
    if (!(r >= 0 && r < 1)) throw new IllegalArgumentException("random must be in [0, 1): " + r);
    BigDecimal maxNanos = BigDecimal.valueOf(max.toNanos());
    BigDecimal nanos = BigDecimal.valueOf(initial.toNanos());
    // Stops multiplying once past the cap (or when nothing grows), so a long outage costs no work.
    boolean grows = multiplier.compareTo(BigDecimal.ONE) > 0;
    for (int i = 0; grows && i < attempt && nanos.compareTo(maxNanos) < 0; i++) {
      nanos = nanos.multiply(multiplier);
    }
    BigDecimal spread = BigDecimal.valueOf(2 * r - 1).multiply(jitter);
    BigDecimal jittered = nanos.min(maxNanos).multiply(BigDecimal.ONE.add(spread));
    return Duration.ofNanos(jittered.min(maxNanos).setScale(0, RoundingMode.HALF_UP).longValueExact());
  }
}
