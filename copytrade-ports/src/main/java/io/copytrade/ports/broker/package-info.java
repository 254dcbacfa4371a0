/**
 * Ports to a broker: order entry and queries for one account, and the leader's order-update stream.
 *
 * <p>Refusals the broker states (bad input, margin, order state) come back as values
 * ({@link io.copytrade.ports.broker.PlacementResult.Rejected}); transport, authentication and rate-limit
 * failures are unchecked {@link io.copytrade.ports.broker.BrokerException}s that retry policies match on.
 * Tokens never appear in a message. No nulls cross a port.
 */
package io.copytrade.ports.broker;
