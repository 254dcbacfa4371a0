package io.copytrade.domain.replication;

import io.copytrade.ports.broker.BrokerAccount;
import java.util.Objects;

/** A follower's settings and its broker account, which must be the account the settings name. */
public record Follower(FollowerSettings settings, BrokerAccount broker) {
  public Follower {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(broker, "broker");
    // Sending one follower's copies through another's account would move the wrong money.
    if (!settings.account().equals(broker.id())) {
      throw new IllegalArgumentException(
          "follower settings for " + settings.account() + " paired with broker account " + broker.id());
    }
  }
}
