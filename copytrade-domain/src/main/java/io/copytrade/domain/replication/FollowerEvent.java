package io.copytrade.domain.replication;

import io.copytrade.domain.replication.ReplicationResult.PauseSignal;
import io.copytrade.domain.replication.ReplicationResult.RetryLater;
import io.copytrade.ports.broker.BrokerAccount;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.OrderRequest;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.store.CopyMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One follower's part of one leader event: what it works with, what it leaves the caller (writes to retry,
 * pauses, refusals), and the writes both first placements and later steps make.
 */
final class FollowerEvent {
  static final Set<OrderStatus> LIVE =
      EnumSet.of(OrderStatus.TRANSIT, OrderStatus.PENDING, OrderStatus.PART_TRADED, OrderStatus.TRADED);
  /** Copies that put nothing at the broker, so they count toward nothing the follower holds. */
  static final Set<CopyState> NOTHING_PLACED =
      EnumSet.of(CopyState.SKIPPED, CopyState.FAILED, CopyState.REJECTED);

  private final FollowerRun.Services services;
  private final Follower follower;
  private final LeaderOrderUpdate update;
  private final FollowerRun.EventFacts facts;
  private final List<RetryLater> retries = new ArrayList<>();
  private final List<PauseSignal> pauses = new ArrayList<>();
  private final AccountGuard guard;

  FollowerEvent(FollowerRun.Services services, Follower follower, LeaderOrderUpdate update, FollowerRun.EventFacts facts) {
    this.services = services;
    this.follower = follower;
    this.update = update;
    this.facts = facts;
    this.guard = new AccountGuard(follower.settings().account());
  }

  FollowerRun.Services services() {
    return services;
  }

  Follower follower() {
    return follower;
  }

  LeaderOrderUpdate update() {
    return update;
  }

  FollowerRun.EventFacts facts() {
    return facts;
  }

  List<RetryLater> retries() {
    return retries;
  }

  List<PauseSignal> pauses() {
    return pauses;
  }

  AccountGuard guard() {
    return guard;
  }

  /** What the run leaves the caller; the copies are read once for every follower after all runs. */
  ReplicationResult result() {
    return new ReplicationResult(List.of(), retries, pauses, List.of(), guard.refusals());
  }

  void skip(Step step, Quantity leaderShare, String sizing, String reason, OrderTerms terms) {
    services.writer().recordUnsent(services.writer().copy(update, follower, step, leaderShare, Quantity.ZERO,
        sizing, CopyState.SKIPPED, Optional.of(reason)), "copy_skipped", terms);
  }

  /** Places {@code total} as slices under the freeze quantity: "base", "base-2", "base-3"... */
  void placeSlices(Step base, Quantity total, Instrument instrument, Quantity leaderShare, String sizing,
      OrderTerms terms) {
    List<Quantity> slices = Slices.of(total, instrument.lotSize(), instrument.freezeQuantity());
    List<Runnable> sends = new ArrayList<>();
    for (int k = 1; k <= slices.size(); k++) {
      String shown = slices.size() == 1 ? sizing : sizing + " (slice " + k + " of " + slices.size() + ")";
      intend(base.slice(k), slices.get(k - 1), leaderShare, shown, terms).ifPresent(sends::add);
    }
    // Every slice's intent is stored before the first is sent: a crash part-way leaves each one to be
    // resolved, where a slice never stored would be lost (an exit is not re-sized once under way).
    sends.forEach(Runnable::run);
  }

  void place(Step step, Quantity quantity, Quantity leaderShare, String sizing, OrderTerms terms) {
    intend(step, quantity, leaderShare, sizing, terms).ifPresent(Runnable::run);
  }

  Optional<Runnable> intend(Step step, Quantity quantity, Quantity leaderShare, String sizing,
      OrderTerms terms) {
    CopyMapping intent = services.writer().copy(update, follower, step, leaderShare, quantity, sizing,
        CopyState.INTENDED, Optional.empty());
    OrderTerms onTick = terms.onTick(instrument().tickSize());
    OrderRequest request = onTick.request(account(), intent.correlationId(), quantity);
    return services.writer().intend(intent, onTick, "place_order", guard.watched(() -> broker().place(request)));
  }

  /** This follower's copies of the leader order, oldest first; steps this code did not name are ignored. */
  List<CopyMapping> mine() {
    return services.store().copiesOf(update.orderId(), account()).stream()
        .filter(copy -> Step.parse(copy.step()).isPresent()).toList();
  }

  Instrument instrument() {
    return services.instruments().find(update.instrument()).orElseThrow(() -> new IllegalStateException(
        "instrument " + update.instrument() + " is not in the instrument catalogue"));
  }

  static Optional<CopyMapping> firstOf(List<CopyMapping> orders, Predicate<Step> part) {
    return orders.stream().filter(copy -> part.test(step(copy))).findFirst();
  }

  static Step step(CopyMapping copy) {
    return Step.parse(copy.step()).orElseThrow();
  }

  static CopyMapping last(List<CopyMapping> chain) {
    return chain.get(chain.size() - 1);
  }

  /** {@code total} less {@code part}, or zero. */
  static Quantity beyond(Quantity total, Quantity part) {
    return total.compareTo(part) > 0 ? total.minus(part) : Quantity.ZERO;
  }

  Duration since(Instant start) {
    return Duration.between(start, services.writer().now());
  }

  CopyMode mode() {
    return follower.settings().copyMode();
  }

  String strategy() {
    return follower.settings().sizing().name();
  }

  AccountId account() {
    return follower.settings().account();
  }

  BrokerAccount broker() {
    return follower.broker();
  }
}
