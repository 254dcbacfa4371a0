package io.copytrade.app;

import io.copytrade.domain.replication.FollowerSettings;
import io.copytrade.domain.risk.MaxPositionSizePct;
import io.copytrade.domain.risk.RiskRule;
import io.copytrade.domain.sizing.SizingStrategy;
import io.copytrade.ports.model.AccountId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads one follower's sizing and risk settings, from the environment or the configuration file alike. */
final class FollowerSettingsReader {
  /** Every key a follower may set, besides its credentials; anything else is a typo worth an error. */
  static final Set<String> KEYS = Set.of("copy_sizing", "copy_ratio", "max_position_size_pct");

  private FollowerSettingsReader() {}

  static FollowerSettings read(AccountId account, SettingsReader settings) {
    Optional<BigDecimal> maxPct = settings.percent("max_position_size_pct");
    List<RiskRule> risk = maxPct.<List<RiskRule>>map(pct -> List.of(new MaxPositionSizePct(pct)))
        .orElse(List.of());
    return new FollowerSettings(account, sizing(settings, maxPct), risk);
  }

  /** copy_sizing chooses the strategy; copy_ratio alone implies fixed_ratio. */
  private static SizingStrategy sizing(SettingsReader settings, Optional<BigDecimal> maxPct) {
    Optional<BigDecimal> ratio = settings.decimal("copy_ratio");
    ratio.ifPresent(r -> {
      if (r.signum() <= 0) {
        throw new ConfigException(settings.name("copy_ratio") + " must be > 0, was " + r.toPlainString());
      }
    });
    String name = settings.optional("copy_sizing").map(s -> s.toLowerCase(Locale.ROOT))
        .orElse(ratio.isPresent() ? "fixed_ratio" : "capital_proportional");
    return switch (name) {
      case "capital_proportional" -> new SizingStrategy.CapitalProportional();
      case "fixed_ratio" -> new SizingStrategy.FixedRatio(ratio.orElseThrow(() -> new ConfigException(
          settings.name("copy_sizing") + "=fixed_ratio needs " + settings.name("copy_ratio"))));
      case "risk_based" -> new SizingStrategy.RiskBased(maxPct.orElseThrow(() -> new ConfigException(
          settings.name("copy_sizing") + "=risk_based needs " + settings.name("max_position_size_pct"))));
      default -> throw new ConfigException(settings.name("copy_sizing")
          + " must be capital_proportional, fixed_ratio or risk_based, was '" + name + "'");
    };
  }
}
