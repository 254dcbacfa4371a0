package io.copytrade.app.resilience;

import io.copytrade.ports.broker.Broker;
import io.copytrade.ports.broker.BrokerAccount;
import io.copytrade.ports.broker.Credentials;
import io.copytrade.ports.model.AccountId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A broker whose accounts each carry their own breaker and rate limits, so one never slows another. */
public final class ResilientBroker implements Broker {
  private final Broker delegate;
  private final ResilienceSettings settings;
  private final Map<AccountId, BrokerAccount> accounts = new ConcurrentHashMap<>();

  public ResilientBroker(Broker delegate, ResilienceSettings settings) {
    this.delegate = delegate;
    this.settings = settings;
  }

  /** The same guarded account for the same account id: policies count per account, not per call site. */
  @Override
  public BrokerAccount account(Credentials credentials) {
    return accounts.computeIfAbsent(credentials.account(),
        id -> new ResilientAccount(delegate.account(credentials), credentials.tokens(), settings));
  }
}
