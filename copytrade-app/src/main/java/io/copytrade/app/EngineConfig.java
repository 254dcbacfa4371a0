package io.copytrade.app;

import io.copytrade.app.resilience.ResilienceSettings;
import io.copytrade.dhan.DhanEndpoints;
import io.copytrade.ports.broker.Credentials;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything the engine needs to run, validated. Prints no token.
 *
 * @param resilience retries, breaker and client-side rate limits per account (Dhan's limits by default)
 */
public record EngineConfig(Credentials leader, List<FollowerConfig> followers, DhanEndpoints endpoints,
    Path database, ResilienceSettings resilience) {

  public EngineConfig {
    Objects.requireNonNull(leader, "leader");
    Objects.requireNonNull(endpoints, "endpoints");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(resilience, "resilience");
    followers = List.copyOf(followers);
    if (followers.isEmpty()) throw new IllegalArgumentException("at least one follower is needed");
  }

  public EngineConfig(Credentials leader, List<FollowerConfig> followers, DhanEndpoints endpoints,
      Path database) {
    this(leader, followers, endpoints, database, ResilienceSettings.standard());
  }

  public EngineConfig withResilience(ResilienceSettings next) {
    return new EngineConfig(leader, followers, endpoints, database, next);
  }
}
