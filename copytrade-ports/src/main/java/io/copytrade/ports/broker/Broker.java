package io.copytrade.ports.broker;

/** A broker, giving access to accounts by their credentials. */
public interface Broker {
  BrokerAccount account(Credentials credentials);
}
