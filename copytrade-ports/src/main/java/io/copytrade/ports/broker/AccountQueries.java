package io.copytrade.ports.broker;

import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.Funds;
import io.copytrade.ports.model.Margin;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderRequest;
import io.copytrade.ports.model.Position;
import io.copytrade.ports.model.Profile;
import io.copytrade.ports.model.Trade;
import java.util.List;
import java.util.Optional;

/** Reads of one broker account. Thread-safe and idempotent: safe to retry. */
public interface AccountQueries {
  /** Today's orders of the account, all states. */
  List<BrokerOrder> orderBook();

  /** One order; empty when the broker does not know the id. */
  Optional<BrokerOrder> order(OrderId id);

  List<Trade> trades();

  List<Position> positions();

  Funds funds();

  /** Checks the credentials: whose they are and how long they last. */
  Profile profile();

  /** What the broker would require as margin for this order. */
  Margin margin(OrderRequest request);
}
