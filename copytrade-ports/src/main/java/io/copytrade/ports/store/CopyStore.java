package io.copytrade.ports.store;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.Funds;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.Position;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Durable state of the copier. Thread-safe; every write is committed before the method returns. */
public interface CopyStore {
  /**
   * Stores the intent to place a follower order, before the broker is called.
   *
   * @return false, changing nothing, when a mapping with this correlation id already exists
   */
  boolean recordIntent(CopyMapping intent);

  /**
   * Stores the intent and its audit line in one transaction (one sync to disk before the broker is called).
   *
   * @return false, changing nothing, when a mapping with this correlation id already exists
   */
  boolean recordIntent(CopyMapping intent, AuditEntry audit);

  /** Replaces the stored mapping of {@code mapping.correlationId()} with this one. */
  void update(CopyMapping mapping);

  Optional<CopyMapping> find(CorrelationId id);

  /** Every copy of this leader order, to every follower, oldest first. */
  List<CopyMapping> copiesOf(OrderId leaderOrderId);

  /** This follower's copies of this leader order, oldest first: what one follower's part of an event reads. */
  List<CopyMapping> copiesOf(OrderId leaderOrderId, AccountId follower);

  /** Copies in any of these states, oldest first (e.g. in flight at start-up). */
  List<CopyMapping> inStates(Set<CopyState> states);

  /**
   * Instruments in which something was sent, or meant to be sent, to this follower (any copy not SKIPPED):
   * the positions the copier answers for, as against the follower's own trades.
   */
  Set<InstrumentKey> instrumentsCopiedTo(AccountId follower);

  /** The largest filled quantity among the stored events of this leader order; empty when none is stored. */
  Optional<Quantity> handledFill(OrderId leaderOrderId);

  /** The latest status of this leader order among its stored events; empty when none is stored. */
  Optional<OrderStatus> leaderStatus(OrderId leaderOrderId);

  /**
   * Stores a leader order event and the order's latest state.
   *
   * @return false when an identical event (same order, status, quantity, filled quantity, price and
   *     trigger) was stored before: a duplicate frame
   */
  boolean recordLeaderEvent(LeaderOrderUpdate update, Instant receivedAt);

  /**
   * The account's leader orders in one instrument and product first stored at or after {@code since}, in the
   * order they were first stored: the leader's side of the position ledger.
   */
  List<LedgerOrder> leaderOrdersIn(AccountId leader, InstrumentKey instrument, ProductType product, Instant since);

  /** The follower's copies in one instrument created at or after {@code since}, oldest first, every product. */
  List<LedgerCopy> copiesIn(AccountId follower, InstrumentKey instrument, Instant since);

  /**
   * Stores what the account carried into {@code day} (each position's carried-forward part), once a day: a
   * later call for the same account and day changes nothing.
   *
   * @return false when that day's figures were stored before
   */
  boolean recordCarriedForward(AccountId account, LocalDate day, List<Position> positions, Instant at);

  /** What the account carried into {@code day} in one instrument and product; empty when not recorded. */
  Optional<Integer> carriedForward(AccountId account, LocalDate day, InstrumentKey instrument, ProductType product);

  /** Whether {@link #recordCarriedForward} was called for this account and day. */
  boolean carriedForwardRecorded(AccountId account, LocalDate day);

  /** A follower order's latest state as last recorded; empty when none was. */
  Optional<BrokerOrder> followerOrder(OrderId orderId);

  /** Every order of the follower as last recorded, in one read, for a pass over all its copies. */
  List<BrokerOrder> followerOrders(AccountId follower);

  /** Stores the latest state of a follower order as the broker reported it. */
  void recordFollowerOrder(BrokerOrder order, Instant at);

  void recordFunds(Funds funds, Instant at);

  void recordPositions(AccountId account, List<Position> positions, Instant at);

  /**
   * Stores a copy's progress as {@link #update} does, with the audit line of what moved it, in one transaction;
   * writes of several threads at the same moment may share it (one sync for all).
   */
  void recordOutcome(CopyMapping mapping, AuditEntry audit);

  /**
   * As {@link #recordOutcome(CopyMapping, AuditEntry)}, and stores {@code placed}, the follower order the broker
   * just took, as its latest state ({@link #recordFollowerOrder}) in the same transaction: its terms are known
   * before the follower's own socket reports them, so nothing needs to ask the broker for them.
   */
  void recordOutcome(CopyMapping mapping, AuditEntry audit, BrokerOrder placed);

  /** Appends to the audit log; entries are never changed or removed. */
  void audit(AuditEntry entry);

  /**
   * Runs {@code work} so that the writes it makes through this store are one transaction: all kept or none,
   * synced once. Writes from other threads wait until it ends, so keep it short and free of broker calls.
   */
  void inOneTransaction(Runnable work);

  Optional<String> config(String key);

  void setConfig(String key, String value, Instant at);
}
