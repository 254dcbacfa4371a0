package io.copytrade.ports.instrument;

import java.time.Instant;
import java.util.Objects;

/**
 * The last instrument master the store holds.
 *
 * @param checkedAt when the broker last served this same file (loaded then, or found unchanged)
 */
public record InstrumentLoad(String fingerprint, long instruments, Instant checkedAt) {
  public InstrumentLoad {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(checkedAt, "checkedAt");
  }
}
