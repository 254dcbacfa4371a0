package io.copytrade.domain.replication;

import static io.copytrade.domain.replication.FollowerEvent.NOTHING_PLACED;
import static io.copytrade.domain.replication.FollowerEvent.beyond;
import static io.copytrade.domain.replication.FollowerEvent.last;
import static io.copytrade.domain.replication.FollowerEvent.step;

import io.copytrade.domain.order.CopyStateMachine;
import io.copytrade.domain.replication.ReplicationResult.RetryLater;
import io.copytrade.ports.broker.AuthenticationException;
import io.copytrade.ports.broker.PlacementResult;
import io.copytrade.ports.broker.RequestRefusedException;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.store.CopyMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Later events of a leader order, for one follower: brings its resting copies to what the leader's order now
 * is, modified, cancelled, or topped up. Every step reads the follower's actual order first, so a repeated
 * event finds nothing to change.
 */
final class RestingCopies {
  /** Dhan allows this many modifications of one order; past it, the order is cancelled and replaced. */
  static final int MAX_MODIFICATIONS = 25;
  /** How long a copy may rest after its leader order traded before it is sent at market. */
  static final Duration CHASE_AFTER = Duration.ofSeconds(5);

  private final FollowerEvent event;
  private final FollowerRun.Services services;
  private final Follower follower;
  private final LeaderOrderUpdate update;
  private final FollowerRun.EventFacts facts;

  RestingCopies(FollowerEvent event) {
    this.event = event;
    this.services = event.services();
    this.follower = event.follower();
    this.update = event.update();
    this.facts = event.facts();
  }

  /** The follower's total for a copy, given what was admitted when it was first placed. */
  interface Desired {
    Quantity of(Instrument instrument, Quantity admitted);
  }

  /**
   * Brings the resting orders of one part (exit or entry) to the leader's order: cancelled when the
   * leader's is cancelled, rejected or expired; left alone once the leader's has traded; otherwise each
   * slice modified to its share of the desired total, extra slices cancelled and missing ones placed.
   */
  void reconcile(List<CopyMapping> orders, Predicate<Step> part, List<CopyMapping> mine,
      Desired desired) {
    Map<Integer, List<CopyMapping>> slots = orders.stream().filter(copy -> part.test(step(copy)))
        .sorted(Comparator.comparingInt(copy -> step(copy).replacement()))
        .collect(Collectors.groupingBy(copy -> step(copy).slice(), TreeMap::new, Collectors.toList()));
    Quantity admitted = slots.values().stream().map(chain -> chain.get(0))
        .filter(first -> !NOTHING_PLACED.contains(first.state()))
        .map(CopyMapping::followerQuantity).reduce(Quantity.ZERO, Quantity::plus);
    if (admitted.isZero()) return;
    OrderTerms terms = OrderTerms.mirror(update);
    if (update.status() == OrderStatus.TRADED) {
      slots.values().forEach(chain -> chase(chain, terms.atMarket(), mine));
      return;
    }
    if (!update.status().isOpen()) {
      slots.values().forEach(chain -> cancelOpen(last(chain), terms));
      return;
    }
    Instrument instrument = event.instrument();
    OrderTerms onTick = terms.onTick(instrument.tickSize());
    List<Quantity> wanted = Slices.of(desired.of(instrument, admitted), instrument.lotSize(),
        instrument.freezeQuantity());
    slots.forEach((slice, chain) -> adjust(chain, slice <= wanted.size() ? wanted.get(slice - 1) : Quantity.ZERO,
        onTick, mine));
    CopyMapping first = slots.values().iterator().next().get(0);
    for (int k = slots.size() + 1; k <= wanted.size(); k++) {
      event.place(step(first).slice(k), wanted.get(k - 1), first.leaderQuantity(),
          first.sizing() + " (slice " + k + " added when the leader modified)", terms);
    }
  }

  /**
   * The leader's order has traded, so a copy still resting follows a fill that happened. It is given
   * {@link #CHASE_AFTER} to fill at its own price, as the leader's did; then it is sent at market, so the
   * follower's position follows the leader's instead of waiting on a price the market may have left (a copy
   * placed late, after a lost answer or a restart). Until then the event is handled again.
   */
  private void chase(List<CopyMapping> chain, OrderTerms market, List<CopyMapping> mine) {
    CopyMapping current = last(chain);
    Optional<BrokerOrder> live = liveOrder(current);
    if (live.isEmpty() || market.pricedAs(live.get())) return;
    if (Duration.between(update.updatedAt(), services.writer().now()).compareTo(CHASE_AFTER) < 0) {
      event.retries().add(new RetryLater(current, update, "copy " + current.step() + " still rests after the"
          + " leader's order traded; sent at market unless it fills within " + CHASE_AFTER.toSeconds() + " s"));
      return;
    }
    adjust(chain, live.get().quantity().plus(carried(chain)), market, mine);
  }

  /** Brings one slice's live order to {@code wanted} contracts in all, and the leader's prices. */
  private void adjust(List<CopyMapping> chain, Quantity wanted, OrderTerms terms, List<CopyMapping> mine) {
    CopyMapping current = last(chain);
    Optional<BrokerOrder> live = liveOrder(current);
    if (live.isEmpty()) return;
    BrokerOrder order = live.get();
    Quantity want = beyond(wanted, carried(chain));
    if (want.compareTo(order.filledQuantity()) <= 0) {
      cancel(current, order, terms, "leader order now sizes this slice at " + want + ", not above its filled "
          + order.filledQuantity());
      return;
    }
    if (want.equals(order.quantity()) && terms.pricedAs(order)) return;
    List<CopyMapping> modifications = mine.stream()
        .filter(copy -> step(copy).isModification() && step(copy).order().equals(step(current))).toList();
    long accepted = modifications.stream().filter(copy -> !NOTHING_PLACED.contains(copy.state())).count();
    if (accepted >= MAX_MODIFICATIONS) {
      replace(current, order, want, terms);
      return;
    }
    CopyMapping intent = services.writer().copy(update, follower,
        step(current).modifiedBy(modifications.size() + 1), update.quantity(), want,
        "modify " + current.step() + ": " + order.quantity() + " -> " + want + " at " + terms.type() + " "
            + terms.price().toRupeesText(), CopyState.INTENDED, Optional.empty());
    services.writer().modify(intent, terms, terms.modified(order, want),
        event.guard().watched(() -> event.broker().modify(terms.modify(order, want))));
  }

  /** Dhan's modification limit is reached: cancel, then place what is still wanted as a new order. */
  private void replace(CopyMapping current, BrokerOrder order, Quantity want, OrderTerms terms) {
    if (!cancel(current, order, terms, MAX_MODIFICATIONS + " modifications used; replacing")) return;
    Step next = step(current).replacedBy(step(current).replacement() + 1);
    event.place(next, want.minus(order.filledQuantity()), current.leaderQuantity(),
        current.sizing() + " (replaces " + current.step() + " after " + MAX_MODIFICATIONS + " modifications)",
        terms);
  }

  /** What earlier, replaced orders of this slice filled before they were cancelled. */
  private Quantity carried(List<CopyMapping> chain) {
    return chain.subList(0, chain.size() - 1).stream()
        .flatMap(copy -> copy.followerOrderId().flatMap(this::order).stream())
        .map(BrokerOrder::filledQuantity).reduce(Quantity.ZERO, Quantity::plus);
  }

  /**
   * A follower order as the engine last knew it: as the broker took it (see {@link CopyWriter}), or as its own
   * socket reported it since (see {@link TrackFollowerOrders}), so a modify or a cancel reads nothing at the
   * broker; asked of the broker only when no state of it was recorded (a copy placed by an older version). A
   * state that is stale by a moment costs at most a write the broker refuses (an order already done).
   */
  private Optional<BrokerOrder> order(OrderId id) {
    return services.store().followerOrder(id).or(() -> event.broker().order(id));
  }

  /** The follower order of this copy when the broker shows it open; a copy without one is left alone. */
  private Optional<BrokerOrder> liveOrder(CopyMapping copy) {
    if (copy.state().isFinal()) return Optional.empty();
    return copy.followerOrderId().flatMap(this::order).filter(order -> order.status().isOpen());
  }

  /** The leader's order is gone: the follower's must go too, now or, when it cannot be yet, later. */
  private void cancelOpen(CopyMapping copy, OrderTerms terms) {
    if (copy.state().isFinal()) return;
    if (copy.followerOrderId().isEmpty()) {
      event.retries().add(new RetryLater(copy, update, "copy is " + copy.state()
          + " with no follower order id yet; cancel once it is resolved"));
      return;
    }
    Optional<BrokerOrder> order = order(copy.followerOrderId().get());
    if (order.isEmpty()) {
      event.retries().add(new RetryLater(copy, update, "broker does not show order " + copy.followerOrderId().get()));
      return;
    }
    if (order.get().status().isOpen()) cancel(copy, order.get(), terms, "leader order " + update.status());
  }

  /**
   * Cancels the follower order; true when the broker accepted. A refusal because the order is still in
   * TRANSIT, or a failure, is kept as a retry: cancels are safe to repeat.
   */
  private boolean cancel(CopyMapping copy, BrokerOrder order, OrderTerms terms, String why) {
    Instant start = services.writer().now();
    PlacementResult result;
    try {
      result = event.broker().cancel(order.orderId());
    } catch (RuntimeException failed) {
      String reason = Placement.describe(failed);
      services.writer().audit("cancel_order", copy, terms, "failed " + reason, event.since(start));
      if (failed instanceof AuthenticationException refused) {
        // Nothing more is sent for the account now; the cancel is made when it resumes (see whileStopped).
        event.guard().tokenRefused(refused);
      } else {
        if (failed instanceof RequestRefusedException refused) event.guard().accessRefused(refused);
        event.retries().add(new RetryLater(copy, update, reason));
      }
      return false;
    }
    if (result instanceof PlacementResult.Accepted accepted) {
      // What the order filled before the cancel is what the copy leaves in the follower's position (the ledger
      // reads it from here): a cancelled copy is never looked at again.
      services.store().recordFollowerOrder(order, services.writer().now());
      CopyMapping cancelled = CopyStateMachine.move(copy, CopyState.CANCELLED, Optional.empty(),
          Optional.of(why), services.writer().now());
      services.writer().record(cancelled, "cancel_order", terms,
          "accepted " + accepted.orderId() + " " + accepted.status(), event.since(start));
      return true;
    }
    String reason = Placement.refusal(result);
    services.writer().audit("cancel_order", copy, terms, "rejected " + reason, event.since(start));
    if (result instanceof PlacementResult.InTransit) event.retries().add(new RetryLater(copy, update, reason));
    return false;
  }
}
