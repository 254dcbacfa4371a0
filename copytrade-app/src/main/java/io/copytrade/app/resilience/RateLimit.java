package io.copytrade.app.resilience;

import java.time.Duration;
import java.util.Objects;

/** At most {@code permits} calls in any {@code period}, e.g. Dhan's 10 order calls a second. */
public record RateLimit(long permits, Duration period) {
  public RateLimit {
    Objects.requireNonNull(period, "period");
    if (permits <= 0 || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("rate limit needs permits > 0 in a positive period");
    }
  }
}
