package io.copytrade.bench;

import io.copytrade.app.resilience.ResilienceSettings;
import java.util.List;
import java.util.Locale;

/**
 * The engine's client-side rate limits per account, as {@link io.copytrade.app.EngineConfig#resilience()} takes
 * them: Dhan's published table (orders 10/s, 250/min, 1000/h; reads 20/s), or none, to see what they cost.
 */
enum Limits {
  DHAN,
  NONE;

  static Limits of(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "dhan" -> DHAN;
      case "none" -> NONE;
      default -> throw new IllegalArgumentException("bench.limits must be dhan or none, was '" + text + "'");
    };
  }

  ResilienceSettings settings() {
    ResilienceSettings standard = ResilienceSettings.standard();
    if (this == DHAN) return standard;
    return new ResilienceSettings(standard.tries(), standard.firstDelay(), standard.maxDelay(), standard.jitter(),
        standard.breakerFailures(), standard.breakerOpen(), List.of(), List.of(), standard.permitWait(),
        standard.absenceWindow());
  }

  String label() {
    return "limits=" + name().toLowerCase(Locale.ROOT);
  }
}
