package io.copytrade.app.resilience;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How hard to try and how fast to go, per account.
 *
 * @param tries attempts for an idempotent read (and for a write refused with 429)
 * @param firstDelay the first backoff, doubled per retry up to {@code maxDelay}, with ±{@code jitter}
 * @param breakerFailures consecutive failures that open an account's circuit
 * @param breakerOpen how long it stays open before one trial call
 * @param orderLimits Dhan's "Order APIs" limits: place, modify, cancel
 * @param readLimits Dhan's "Non-trading APIs" limits: order book, positions, funds and other reads
 * @param permitWait how long a call may wait for a rate-limit permit before failing unsent
 * @param absenceWindow how long a copy whose placement is in doubt must stay invisible at the broker before it
 *     counts as never placed and is sent again (Dhan's lookups miss orders still in TRANSIT)
 */
public record ResilienceSettings(
    int tries,
    Duration firstDelay,
    Duration maxDelay,
    double jitter,
    int breakerFailures,
    Duration breakerOpen,
    List<RateLimit> orderLimits,
    List<RateLimit> readLimits,
    Duration permitWait,
    Duration absenceWindow) {

  public ResilienceSettings {
    Objects.requireNonNull(firstDelay, "firstDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(breakerOpen, "breakerOpen");
    Objects.requireNonNull(permitWait, "permitWait");
    Objects.requireNonNull(absenceWindow, "absenceWindow");
    orderLimits = List.copyOf(orderLimits);
    readLimits = List.copyOf(readLimits);
    if (tries < 1 || breakerFailures < 1) throw new IllegalArgumentException("tries and failures must be >= 1");
  }

  /** The architecture's policies (3 tries, 1 s x2 ±20 %; 5 failures, 60 s) and Dhan's published limits. */
  public static ResilienceSettings standard() {
    return new ResilienceSettings(3, Duration.ofSeconds(1), Duration.ofSeconds(4), 0.2, 5,
        Duration.ofSeconds(60),
        List.of(new RateLimit(10, Duration.ofSeconds(1)), new RateLimit(250, Duration.ofMinutes(1)),
            new RateLimit(1000, Duration.ofHours(1)), new RateLimit(7000, Duration.ofDays(1))),
        List.of(new RateLimit(20, Duration.ofSeconds(1))),
        Duration.ofSeconds(5), Duration.ofSeconds(20));
  }

  public ResilienceSettings withDelays(Duration first, Duration max) {
    return new ResilienceSettings(tries, first, max, jitter, breakerFailures, breakerOpen, orderLimits,
        readLimits, permitWait, absenceWindow);
  }

  public ResilienceSettings withOrderLimits(List<RateLimit> limits, Duration wait) {
    return new ResilienceSettings(tries, firstDelay, maxDelay, jitter, breakerFailures, breakerOpen, limits,
        readLimits, wait, absenceWindow);
  }

  public ResilienceSettings withAbsenceWindow(Duration window) {
    return new ResilienceSettings(tries, firstDelay, maxDelay, jitter, breakerFailures, breakerOpen, orderLimits,
        readLimits, permitWait, window);
  }
}
