package io.copytrade.app;

import io.copytrade.domain.replication.FollowerSettings;
import io.copytrade.ports.broker.Credentials;
import java.util.Objects;

/** One follower: how to reach its account and how to size and check its copies. */
public record FollowerConfig(Credentials credentials, FollowerSettings settings) {
  public FollowerConfig {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(settings, "settings");
    if (!credentials.account().equals(settings.account())) {
      throw new IllegalArgumentException("follower settings are for another account");
    }
  }
}
