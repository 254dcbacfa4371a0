package io.copytrade.app;

import io.copytrade.dhan.DhanEndpoints;
import io.copytrade.ports.broker.AccessToken;
import io.copytrade.ports.broker.Credentials;
import io.copytrade.ports.broker.TokenSource;
import io.copytrade.ports.model.AccountId;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the engine's configuration from environment variables, and the followers from the file named by
 * COPYTRADE_CONFIG when it is set. Every problem is a {@link ConfigException} naming the variable or key;
 * the value of a token is never repeated.
 */
public final class EnvConfig {
  static final String DEFAULT_DATABASE = "copytrade.db";

  private final Map<String, String> env;
  private final SettingsReader settings;

  private EnvConfig(Map<String, String> env) {
    this.env = env;
    this.settings = new SettingsReader(key -> Optional.ofNullable(env.get(variable(key))), EnvConfig::variable);
  }

  /**
   * The environment variable for a setting: the architecture's names as they are (COPY_RATIO,
   * MAX_POSITION_SIZE_PCT, LEADER_..., DHAN_...); the other per-follower settings get a FOLLOWER_ prefix
   * (FOLLOWER_COPY_MODE, FOLLOWER_MAX_DAILY_LOSS), so that generic words do not clash with other programs.
   */
  static String variable(String key) {
    String name = key.toUpperCase(Locale.ROOT);
    boolean own = name.startsWith("LEADER_") || name.startsWith("FOLLOWER_") || name.startsWith("DHAN_")
        || name.startsWith("COPYTRADE_") || name.equals("COPY_SIZING") || name.equals("COPY_RATIO")
        || name.equals("MAX_POSITION_SIZE_PCT");
    return own ? name : "FOLLOWER_" + name;
  }

  public static EngineConfig from(Map<String, String> env) {
    return new EnvConfig(env).read();
  }

  private EngineConfig read() {
    Credentials leader = credentials("LEADER");
    List<FollowerConfig> followers = settings.optional("copytrade_config")
        .map(file -> FollowersFile.read(Path.of(file), env))
        .orElseGet(() -> List.of(followerFromEnvironment()));
    Set<AccountId> seen = new HashSet<>(Set.of(leader.account()));
    for (FollowerConfig follower : followers) {
      if (!seen.add(follower.credentials().account())) {
        throw new ConfigException("follower " + follower.credentials().account()
            + " is listed twice or is the leader (LEADER_CLIENT_ID)");
      }
    }
    EngineConfig config = new EngineConfig(leader, followers, endpoints(),
        Path.of(settings.optional("copytrade_db").orElse(DEFAULT_DATABASE)));
    return settings.count("copytrade_follower_book_seconds")
        .map(seconds -> config.withFollowerBookEvery(Duration.ofSeconds(seconds))).orElse(config);
  }

  private FollowerConfig followerFromEnvironment() {
    Credentials follower = credentials("FOLLOWER");
    if (settings.optional("leader_client_id").equals(Optional.of(follower.account().value()))) {
      throw new ConfigException("FOLLOWER_CLIENT_ID must differ from LEADER_CLIENT_ID");
    }
    return new FollowerConfig(follower, FollowerSettingsReader.read(follower.account(), settings));
  }

  private Credentials credentials(String role) {
    return credentials(settings, role.toLowerCase(Locale.ROOT) + "_client_id",
        role.toLowerCase(Locale.ROOT) + "_access_token", settings);
  }

  /**
   * Reads a client id and its token, given either as a value ({@code tokenKey}) or as a file that is
   * re-read when it changes ({@code tokenKey + "_file"}). The token's value never appears in an error.
   */
  static Credentials credentials(SettingsReader ids, String idKey, String tokenKey, SettingsReader tokens) {
    AccountId id;
    try {
      id = AccountId.of(ids.required(idKey));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(ids.name(idKey) + " is not a Dhan client id: " + e.getMessage());
    }
    String fileKey = tokenKey + "_file";
    Optional<String> file = tokens.optional(fileKey);
    if (file.isPresent() && tokens.optional(tokenKey).isPresent()) {
      throw new ConfigException("set " + tokens.name(tokenKey) + " or " + tokens.name(fileKey) + ", not both");
    }
    if (file.isPresent()) return new Credentials(id, TokenFile.open(Path.of(file.get()), tokens.name(fileKey)));
    try {
      return new Credentials(id, TokenSource.fixed(new AccessToken(tokens.required(tokenKey))));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(tokens.name(tokenKey) + " is not a usable token: " + e.getMessage());
    }
  }

  private DhanEndpoints endpoints() {
    String name = settings.optional("dhan_env").map(s -> s.toLowerCase(Locale.ROOT)).orElse("prod");
    DhanEndpoints base = switch (name) {
      case "prod" -> DhanEndpoints.production();
      case "sandbox" -> DhanEndpoints.sandbox();
      default -> throw new ConfigException("DHAN_ENV must be prod or sandbox, was '" + name + "'");
    };
    return new DhanEndpoints(
        url("dhan_api_base_url", "http", "https").map(EnvConfig::withSlash).orElse(base.restBase()),
        url("dhan_order_ws_url", "ws", "wss").orElse(base.orderUpdateSocket()),
        url("dhan_instrument_csv_url", "http", "https").orElse(base.instrumentMaster()));
  }

  private static URI withSlash(URI uri) {
    return uri.toString().endsWith("/") ? uri : URI.create(uri + "/");
  }

  private Optional<URI> url(String key, String... schemes) {
    return settings.optional(key).map(text -> {
      try {
        URI uri = new URI(text);
        if (uri.getHost() == null || !List.of(schemes).contains(uri.getScheme())) {
          throw new ConfigException(settings.name(key) + " must be a " + String.join(" or ", schemes)
              + " URL with a host, was '" + text + "'");
        }
        return uri;
      } catch (URISyntaxException e) {
        throw new ConfigException(settings.name(key) + " is not a URL: '" + text + "'");
      }
    });
  }
}
