package io.copytrade.domain.sizing;

import java.math.BigDecimal;
import java.util.Objects;

/** How a follower's quantity is derived from a leader order. */
public sealed interface SizingStrategy {
  /** The configured name: "capital_proportional", "fixed_ratio" or "risk_based". */
  String name();

  /** The default: the leader's quantity scaled by follower capital / leader capital. */
  record CapitalProportional() implements SizingStrategy {
    @Override
    public String name() {
      return "capital_proportional";
    }
  }

  /** The leader's quantity times a configured ratio (COPY_RATIO). */
  record FixedRatio(BigDecimal ratio) implements SizingStrategy {
    public FixedRatio {
      Objects.requireNonNull(ratio, "ratio");
      if (ratio.signum() <= 0) throw new IllegalArgumentException("copy ratio must be > 0: " + ratio);
    }

    @Override
    public String name() {
      return "fixed_ratio";
    }
  }

  /**
   * As many lots as fit in a share of follower capital at the order's premium (MAX_POSITION_SIZE_PCT);
   * the leader's quantity is ignored.
   *
   * @param maxPositionPct a percentage: 10 means 10 %
   */
  record RiskBased(BigDecimal maxPositionPct) implements SizingStrategy {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public RiskBased {
      Objects.requireNonNull(maxPositionPct, "maxPositionPct");
      if (maxPositionPct.signum() <= 0 || maxPositionPct.compareTo(HUNDRED) > 0) {
        throw new IllegalArgumentException("max position size % must be in (0, 100]: " + maxPositionPct);
      }
    }

    @Override
    public String name() {
      return "risk_based";
    }
  }
}
