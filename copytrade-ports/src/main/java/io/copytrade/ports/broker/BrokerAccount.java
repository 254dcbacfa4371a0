package io.copytrade.ports.broker;

import io.copytrade.ports.model.AccountId;

/** Everything one broker account can do. */
public interface BrokerAccount extends OrderEntry, AccountQueries {
  AccountId id();
}
