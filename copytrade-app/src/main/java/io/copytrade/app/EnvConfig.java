package io.copytrade.app;

import io.copytrade.dhan.DhanEndpoints;
import io.copytrade.domain.replication.FollowerSettings;
import io.copytrade.domain.risk.MaxPositionSizePct;
import io.copytrade.domain.risk.RiskRule;
import io.copytrade.domain.sizing.SizingStrategy;
import io.copytrade.ports.broker.AccessToken;
import io.copytrade.ports.broker.Credentials;
import io.copytrade.ports.broker.TokenSource;
import io.copytrade.ports.model.AccountId;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the engine's configuration from environment variables. Every problem is reported as a
 * {@link ConfigException} naming the variable; the value of a token variable is never repeated.
 */
public final class EnvConfig {
  static final String DEFAULT_DATABASE = "copytrade.db";

  private final Map<String, String> env;

  private EnvConfig(Map<String, String> env) {
    this.env = env;
  }

  public static EngineConfig from(Map<String, String> env) {
    return new EnvConfig(env).read();
  }

  private EngineConfig read() {
    Credentials leader = credentials("LEADER");
    Credentials follower = credentials("FOLLOWER");
    if (leader.account().equals(follower.account())) {
      throw new ConfigException("FOLLOWER_CLIENT_ID must differ from LEADER_CLIENT_ID");
    }
    Optional<BigDecimal> maxPct = decimal("MAX_POSITION_SIZE_PCT");
    maxPct.ifPresent(pct -> requireRange("MAX_POSITION_SIZE_PCT", pct, "a percentage in (0, 100]"));
    List<RiskRule> risk = maxPct.<List<RiskRule>>map(pct -> List.of(new MaxPositionSizePct(pct)))
        .orElse(List.of());
    FollowerSettings settings = new FollowerSettings(follower.account(), sizing(maxPct), risk);
    return new EngineConfig(leader, List.of(new FollowerConfig(follower, settings)), endpoints(),
        Path.of(optional("COPYTRADE_DB").orElse(DEFAULT_DATABASE)));
  }

  private Credentials credentials(String role) {
    String idName = role + "_CLIENT_ID";
    String tokenName = role + "_ACCESS_TOKEN";
    AccountId id;
    try {
      id = AccountId.of(required(idName));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(idName + " is not a Dhan client id: " + e.getMessage());
    }
    AccessToken token;
    try {
      token = new AccessToken(required(tokenName));
    } catch (IllegalArgumentException e) {
      // The exception text does not contain the token; name the problem only.
      throw new ConfigException(tokenName + " is not a usable token: " + e.getMessage());
    }
    return new Credentials(id, TokenSource.fixed(token));
  }

  /** COPY_SIZING chooses the strategy; COPY_RATIO alone implies fixed_ratio. */
  private SizingStrategy sizing(Optional<BigDecimal> maxPct) {
    Optional<BigDecimal> ratio = decimal("COPY_RATIO");
    ratio.ifPresent(r -> {
      if (r.signum() <= 0) throw new ConfigException("COPY_RATIO must be > 0, was " + r.toPlainString());
    });
    String name = optional("COPY_SIZING").map(s -> s.toLowerCase(Locale.ROOT))
        .orElse(ratio.isPresent() ? "fixed_ratio" : "capital_proportional");
    return switch (name) {
      case "capital_proportional" -> new SizingStrategy.CapitalProportional();
      case "fixed_ratio" -> new SizingStrategy.FixedRatio(ratio.orElseThrow(
          () -> new ConfigException("COPY_SIZING=fixed_ratio needs COPY_RATIO")));
      case "risk_based" -> new SizingStrategy.RiskBased(maxPct.orElseThrow(
          () -> new ConfigException("COPY_SIZING=risk_based needs MAX_POSITION_SIZE_PCT")));
      default -> throw new ConfigException("COPY_SIZING must be capital_proportional, fixed_ratio or "
          + "risk_based, was '" + name + "'");
    };
  }

  private DhanEndpoints endpoints() {
    String env = optional("DHAN_ENV").map(s -> s.toLowerCase(Locale.ROOT)).orElse("prod");
    DhanEndpoints base = switch (env) {
      case "prod" -> DhanEndpoints.production();
      case "sandbox" -> DhanEndpoints.sandbox();
      default -> throw new ConfigException("DHAN_ENV must be prod or sandbox, was '" + env + "'");
    };
    return new DhanEndpoints(
        url("DHAN_API_BASE_URL", "http", "https").map(EnvConfig::withSlash).orElse(base.restBase()),
        url("DHAN_ORDER_WS_URL", "ws", "wss").orElse(base.orderUpdateSocket()),
        url("DHAN_INSTRUMENT_CSV_URL", "http", "https").orElse(base.instrumentMaster()));
  }

  private static URI withSlash(URI uri) {
    return uri.toString().endsWith("/") ? uri : URI.create(uri + "/");
  }

  private Optional<URI> url(String name, String... schemes) {
    return optional(name).map(text -> {
      try {
        URI uri = new URI(text);
        if (uri.getHost() == null || !List.of(schemes).contains(uri.getScheme())) {
          throw new ConfigException(name + " must be a " + String.join(" or ", schemes)
              + " URL with a host, was '" + text + "'");
        }
        return uri;
      } catch (URISyntaxException e) {
        throw new ConfigException(name + " is not a URL: '" + text + "'");
      }
    });
  }

  private Optional<BigDecimal> decimal(String name) {
    return optional(name).map(text -> {
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw new ConfigException(name + " must be a decimal number, was '" + text + "'");
      }
    });
  }

  private static void requireRange(String name, BigDecimal pct, String what) {
    if (pct.signum() <= 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new ConfigException(name + " must be " + what + ", was " + pct.toPlainString());
    }
  }

  private String required(String name) {
    return optional(name).orElseThrow(() -> new ConfigException(name + " is not set"));
  }

  private Optional<String> optional(String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(s -> !s.isEmpty());
  }
}
