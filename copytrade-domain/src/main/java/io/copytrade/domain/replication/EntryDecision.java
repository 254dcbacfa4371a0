package io.copytrade.domain.replication;

import io.copytrade.ports.model.OrderRequest;

/** What to do for one follower about a new leader order. */
sealed interface EntryDecision {
  /** The copy's "sizing" text: "strategy: basis or reason". */
  String sizing();

  /** Send this order. */
  record Send(OrderRequest request, String sizing) implements EntryDecision {}

  /** Send nothing, because of {@code reason}. */
  record Skip(String reason, String sizing) implements EntryDecision {}
}
