package io.copytrade.ports.store;

import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored copy with what the position ledger needs beside it.
 *
 * @param product the product of the leader order it copies; empty when it copies none (a reconciliation)
 * @param leader that leader order as last stored; empty when it copies none
 * @param followerFilled what the follower order has filled, as last recorded; empty when never recorded
 */
public record LedgerCopy(CopyMapping copy, Optional<ProductType> product, Optional<LedgerOrder> leader,
    Optional<Quantity> followerFilled) {
  public LedgerCopy {
    Objects.requireNonNull(copy, "copy");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(leader, "leader");
    Objects.requireNonNull(followerFilled, "followerFilled");
  }
}
