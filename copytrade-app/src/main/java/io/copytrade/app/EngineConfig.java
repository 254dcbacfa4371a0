package io.copytrade.app;

import io.copytrade.dhan.DhanEndpoints;
import io.copytrade.ports.broker.Credentials;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Everything the engine needs to run, validated. Prints no token. */
public record EngineConfig(
    Credentials leader, List<FollowerConfig> followers, DhanEndpoints endpoints, Path database) {

  public EngineConfig {
    Objects.requireNonNull(leader, "leader");
    Objects.requireNonNull(endpoints, "endpoints");
    Objects.requireNonNull(database, "database");
    followers = List.copyOf(followers);
    if (followers.isEmpty()) throw new IllegalArgumentException("at least one follower is needed");
  }
}
