package io.copytrade.app;

import io.copytrade.app.resilience.ResilienceSettings;
import io.copytrade.dhan.DhanEndpoints;
import io.copytrade.ports.broker.Credentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the engine needs to run, validated. Prints no token.
 *
 * @param resilience retries, breaker and client-side rate limits per account (Dhan's limits by default)
 * @param followerBookEvery how often a follower's whole-day order book is read although its socket stayed
 *     connected (see {@code FollowerBookReads}); 5 minutes by default
 */
public record EngineConfig(Credentials leader, List<FollowerConfig> followers, DhanEndpoints endpoints,
    Path database, ResilienceSettings resilience, Duration followerBookEvery) {
  public static final Duration FOLLOWER_BOOK_EVERY = Duration.ofMinutes(5);

  public EngineConfig {
    Objects.requireNonNull(leader, "leader");
    Objects.requireNonNull(endpoints, "endpoints");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(resilience, "resilience");
    Objects.requireNonNull(followerBookEvery, "followerBookEvery");
    if (followerBookEvery.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("follower books are read at most every second, not " + followerBookEvery);
    }
    followers = List.copyOf(followers);
    if (followers.isEmpty()) throw new IllegalArgumentException("at least one follower is needed");
  }

  public EngineConfig(Credentials leader, List<FollowerConfig> followers, DhanEndpoints endpoints,
      Path database) {
    this(leader, followers, endpoints, database, ResilienceSettings.standard(), FOLLOWER_BOOK_EVERY);
  }

  public EngineConfig withResilience(ResilienceSettings next) {
    return new EngineConfig(leader, followers, endpoints, database, next, followerBookEvery);
  }

  public EngineConfig withFollowerBookEvery(Duration every) {
    return new EngineConfig(leader, followers, endpoints, database, resilience, every);
  }
}
