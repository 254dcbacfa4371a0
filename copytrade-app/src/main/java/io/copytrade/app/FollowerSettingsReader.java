package io.copytrade.app;

import io.copytrade.domain.filter.EntryFilter.CopyWindow;
import io.copytrade.domain.filter.EntryFilter.InstrumentTypes;
import io.copytrade.domain.filter.EntryFilter.Products;
import io.copytrade.domain.filter.EntryFilter.Segments;
import io.copytrade.domain.filter.EntryFilter.Underlyings;
import io.copytrade.domain.filter.EntryFilters;
import io.copytrade.domain.replication.CopyMode;
import io.copytrade.domain.replication.FollowerSettings;
import io.copytrade.domain.replication.ReconcilePolicy;
import io.copytrade.domain.risk.MarginCheck;
import io.copytrade.domain.risk.MaxDailyLoss;
import io.copytrade.domain.risk.MaxLotsPerOrder;
import io.copytrade.domain.risk.MaxOpenPositions;
import io.copytrade.domain.risk.MaxPositionSizePct;
import io.copytrade.domain.risk.RiskRule;
import io.copytrade.domain.sizing.SizingStrategy;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentType;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.ProductType;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one follower's sizing and risk settings, from the environment or the configuration file alike. */
final class FollowerSettingsReader {
  /** Every key a follower may set, besides its credentials; anything else is a typo worth an error. */
  static final Set<String> KEYS = Set.of("copy_sizing", "copy_ratio", "max_position_size_pct", "copy_mode",
      "enabled", "segments", "instrument_types", "underlyings_include", "underlyings_exclude",
      "product_types", "copy_window", "max_lots_per_order", "max_open_positions", "max_daily_loss",
      "margin_check", "reconcile");
  private static final Pattern WINDOW = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

  private FollowerSettingsReader() {}

  static FollowerSettings read(AccountId account, SettingsReader settings) {
    Optional<BigDecimal> maxPct = settings.percent("max_position_size_pct");
    return new FollowerSettings(account, sizing(settings, maxPct), risk(settings, maxPct),
        copyMode(settings), filters(settings), settings.flag("enabled").orElse(true), reconcile(settings));
  }

  /** Risk rules in the order they are checked; the margin check last, as it asks the broker. */
  private static List<RiskRule> risk(SettingsReader settings, Optional<BigDecimal> maxPct) {
    List<RiskRule> rules = new ArrayList<>();
    maxPct.ifPresent(pct -> rules.add(new MaxPositionSizePct(pct)));
    settings.count("max_lots_per_order").ifPresent(n -> rules.add(new MaxLotsPerOrder(n)));
    settings.count("max_open_positions").ifPresent(n -> rules.add(new MaxOpenPositions(n)));
    settings.decimal("max_daily_loss").ifPresent(loss -> {
      if (loss.signum() <= 0) {
        throw new ConfigException(settings.name("max_daily_loss") + " must be > 0 rupees, was "
            + loss.toPlainString());
      }
      rules.add(new MaxDailyLoss(Money.ofRupees(loss.toPlainString())));
    });
    if (settings.flag("margin_check").orElse(false)) rules.add(new MarginCheck());
    return rules;
  }

  private static CopyMode copyMode(SettingsReader settings) {
    return settings.optional("copy_mode").map(text -> switch (text.toLowerCase(Locale.ROOT)) {
      case "orders" -> CopyMode.ORDERS;
      case "fills" -> CopyMode.FILLS;
      default -> throw new ConfigException(settings.name("copy_mode") + " must be orders or fills, was '"
          + text + "'");
    }).orElse(CopyMode.ORDERS);
  }

  private static ReconcilePolicy reconcile(SettingsReader settings) {
    return settings.optional("reconcile").map(text -> switch (text.toLowerCase(Locale.ROOT)) {
      case "alert" -> ReconcilePolicy.ALERT;
      case "flat-only" -> ReconcilePolicy.FLAT_ONLY;
      case "resync" -> ReconcilePolicy.RESYNC;
      default -> throw new ConfigException(settings.name("reconcile") + " must be alert, flat-only or resync, was '"
          + text + "'");
    }).orElse(ReconcilePolicy.ALERT);
  }

  private static EntryFilters filters(SettingsReader settings) {
    EntryFilters filters = EntryFilters.DEFAULTS.withUnderlyings(new Underlyings(
        Set.copyOf(settings.list("underlyings_include").orElse(List.of())),
        Set.copyOf(settings.list("underlyings_exclude").orElse(List.of()))));
    Optional<Set<ExchangeSegment>> segments = settings.names("segments", ExchangeSegment.class);
    if (segments.isPresent()) filters = filters.withSegments(new Segments(segments.get()));
    Optional<Set<InstrumentType>> types = settings.names("instrument_types", InstrumentType.class);
    if (types.isPresent()) filters = filters.withInstrumentTypes(new InstrumentTypes(types.get()));
    Optional<Set<ProductType>> products = settings.names("product_types", ProductType.class);
    if (products.isPresent()) filters = filters.withProducts(new Products(products.get()));
    Optional<String> window = settings.optional("copy_window");
    if (window.isPresent()) filters = filters.withWindow(window(settings, window.get()));
    return filters;
  }

  private static CopyWindow window(SettingsReader settings, String text) {
    Matcher m = WINDOW.matcher(text);
    try {
      if (m.matches()) return new CopyWindow(LocalTime.parse(m.group(1)), LocalTime.parse(m.group(2)));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      // reported below, with the value
    }
    throw new ConfigException(settings.name("copy_window") + " must be HH:mm-HH:mm in IST, e.g. 09:20-15:15, was '"
        + text + "'");
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
