package io.copytrade.domain.replication;

import io.copytrade.domain.order.CopyStateMachine;
import io.copytrade.domain.replication.ReplicationResult.AccountRefusal;
import io.copytrade.domain.replication.ReplicationResult.PauseSignal;
import io.copytrade.domain.replication.ReplicationResult.RetryLater;
import io.copytrade.ports.broker.AuthenticationException;
import io.copytrade.ports.broker.BrokerAccount;
import io.copytrade.ports.broker.BrokerUnavailableException;
import io.copytrade.ports.broker.PlacementResult;
import io.copytrade.ports.broker.RateLimitException;
import io.copytrade.ports.broker.RequestRefusedException;
import io.copytrade.ports.instrument.InstrumentCatalogue;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.OrderRequest;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.store.CopyMapping;
import io.copytrade.ports.store.CopyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One follower's part of one leader event. The first live event of a leader order decides what the order
 * is to this follower (an exit of its position, a new entry, or both when the leader goes through flat)
 * and places it; later events bring the follower's copies to what the leader's order now is: modified,
 * cancelled, or topped up to the leader's fills. Every later step reads the follower's actual order first,
 * so a repeated event finds nothing to change. One instance per follower per event.
 */
final class FollowerRun {
  /** Dhan allows this many modifications of one order; past it, the order is cancelled and replaced. */
  static final int MAX_MODIFICATIONS = 25;
  private static final Set<OrderStatus> LIVE =
      EnumSet.of(OrderStatus.TRANSIT, OrderStatus.PENDING, OrderStatus.PART_TRADED, OrderStatus.TRADED);
  /** How a copy skipped because the follower's account is stopped begins its reason. */
  static final String STOPPED = "follower account stopped";
  private static final String NOT_SENT = "not sized: " + STOPPED;
  /** Copies that put nothing at the broker, so they count toward nothing the follower holds. */
  private static final Set<CopyState> NOTHING_PLACED =
      EnumSet.of(CopyState.SKIPPED, CopyState.FAILED, CopyState.REJECTED);

  /** What every run shares. */
  record Services(CopyStore store, CopyWriter writer, EntryPlanner planner, InstrumentCatalogue instruments,
      PositionLedger ledger) {}

  /** Facts of the event read once for all followers, and which followers' accounts are stopped. */
  record EventFacts(Supplier<LeaderShape> leaderShape, boolean copyingEnabled,
      ReplicateLeaderOrder.StoppedAccounts stopped) {}

  private final Services services;
  private final Follower follower;
  private final LeaderOrderUpdate update;
  private final EventFacts facts;
  private final List<RetryLater> retries = new ArrayList<>();
  private final List<PauseSignal> pauses = new ArrayList<>();
  private final List<AccountRefusal> refusals = new ArrayList<>();
  /** Set once the follower's token was refused in this run: its remaining writes are not sent. */
  private Optional<AuthenticationException> tokenRefused = Optional.empty();

  FollowerRun(Services services, Follower follower, LeaderOrderUpdate update, EventFacts facts) {
    this.services = services;
    this.follower = follower;
    this.update = update;
    this.facts = facts;
  }

  ReplicationResult run() {
    List<CopyMapping> mine = mine();
    Optional<String> stopped = facts.stopped().why(account());
    if (stopped.isPresent()) {
      whileStopped(mine, stopped.get());
    } else if (mine.isEmpty()) {
      firstSight();
    } else {
      follow(mine);
    }
    return new ReplicationResult(mine(), retries, pauses, List.of(), refusals);
  }

  /**
   * The follower's account is stopped (its token was refused): nothing is sent to or read from its broker.
   * What the leader's order would have this follower do is recorded SKIPPED with the reason (the exit and the
   * entry it would first place, or in fills mode each new fill), so the user sees what was not copied; such
   * a copy stays skipped after the account resumes, like any skip. Copies placed before the stop are brought
   * to the leader's order once it resumes, when the caller handles their leader orders again.
   */
  private void whileStopped(List<CopyMapping> mine, String why) {
    if (!LIVE.contains(update.status())) return;
    String reason = STOPPED + ": " + why + "; nothing is sent for it until its token changes";
    OrderTerms terms = OrderTerms.mirror(update);
    if (mine.isEmpty()) {
      LeaderShape shape = facts.leaderShape().get();
      if (!shape.closes().isZero()) skip(Step.of(Step.EXIT), shape.closes(), NOT_SENT, reason, terms);
      if (shape.opens().isZero()) return;
      if (mode() == CopyMode.FILLS) {
        skipFill(shape.closes(), reason);
      } else {
        skip(Step.of(Step.ENTRY), shape.opens(), NOT_SENT, reason, terms);
      }
    } else if (mode() == CopyMode.FILLS) {
      List<CopyMapping> orders = mine.stream().filter(copy -> !step(copy).isModification()).toList();
      skipFill(firstOf(orders, Step::isExit).map(CopyMapping::leaderQuantity).orElse(Quantity.ZERO), reason);
    }
  }

  /** In fills mode, what the leader filled beyond flat is recorded as not sent (see {@link #fills}). */
  private void skipFill(Quantity closes, String reason) {
    Quantity leaderShare = beyond(update.filledQuantity(), closes);
    if (leaderShare.isZero()) return;
    skip(Step.fillUnsent(leaderShare.units()), leaderShare, NOT_SENT, reason, OrderTerms.market(update));
  }

  private void firstSight() {
    // An order first seen dead never reached the market for the leader: there is nothing to copy.
    if (!LIVE.contains(update.status())) return;
    LeaderShape shape = facts.leaderShape().get();
    if (!shape.closes().isZero()) exit(shape);
    if (shape.opens().isZero()) return;
    if (mode() == CopyMode.FILLS) {
      fills(shape.closes());
    } else {
      enter(shape.opens());
    }
  }

  private void follow(List<CopyMapping> mine) {
    List<CopyMapping> orders = mine.stream().filter(copy -> !step(copy).isModification()).toList();
    Quantity closes = firstOf(orders, Step::isExit).map(CopyMapping::leaderQuantity).orElse(Quantity.ZERO);
    reconcile(orders, Step::isExit, mine,
        (instrument, admitted) -> ExitPlanner.scaled(admitted, update.quantity().min(closes), closes,
            instrument.lotSize()));
    Quantity opens = beyond(update.quantity(), closes);
    if (mode() == CopyMode.FILLS) {
      fills(closes);
    } else if (firstOf(orders, Step::isEntry).isEmpty()) {
      // No entry was decided: a crash between the exit's intent and the entry's, or a leader order modified
      // beyond flat. Nothing can have been placed for it (every placement is stored first), so decide it now.
      if (LIVE.contains(update.status()) && !opens.isZero()) enter(opens);
    } else {
      reconcile(orders, Step::isEntry, mine, (instrument, admitted) -> services.planner().resize(update,
          follower, instrument, opens, admitted, OrderTerms.mirror(update)));
    }
  }

  // --- first placement ---------------------------------------------------------------------------------

  /** Closes the same fraction of the follower's position as the order closes of the leader's. */
  private void exit(LeaderShape shape) {
    OrderTerms terms = OrderTerms.copying(update);
    // Failures here throw rather than record a failed copy: an exit given up on is a position left open, so
    // the next event (or the caller's retry) must find no copy and try again.
    Instrument instrument = instrument();
    ExitPlanner.Exit exit = ExitPlanner.plan(shape, update.side(), update.instrument(), update.product(),
        services.ledger().followerBefore(account(), update), instrument.lotSize());
    Step step = Step.of(Step.EXIT);
    if (exit.quantity().isZero()) {
      skip(step, shape.closes(), exit.sizing(), exit.sizing(), terms);
      return;
    }
    placeSlices(step, exit.quantity(), instrument, shape.closes(), exit.sizing(), terms);
  }

  /** Copies a new position, sized by capital: the whole leader order, or what is beyond flat. */
  private void enter(Quantity leaderShare) {
    OrderTerms terms = OrderTerms.copying(update);
    decideEntry(new EntryPlanner.Ask(update, follower, leaderShare, Quantity.ZERO, terms,
        facts.copyingEnabled()), Step.of(Step.ENTRY), send -> Step.of(Step.ENTRY));
  }

  /**
   * Brings the follower to its share of what the leader has filled beyond flat: the target is sized from
   * the cumulative fill each time, so a remainder under one lot is carried, never rounded up or lost.
   */
  private void fills(Quantity closes) {
    Quantity leaderShare = beyond(update.filledQuantity(), closes);
    if (leaderShare.isZero()) return;
    Quantity placed = mine().stream().filter(copy -> step(copy).isFill() && !step(copy).isModification())
        .filter(copy -> !NOTHING_PLACED.contains(copy.state()))
        .map(CopyMapping::followerQuantity).reduce(Quantity.ZERO, Quantity::plus);
    decideEntry(new EntryPlanner.Ask(update, follower, leaderShare, placed, OrderTerms.market(update),
        facts.copyingEnabled()), Step.fillUnsent(leaderShare.units()), send -> Step.fill(send.target().units()));
  }

  private void decideEntry(EntryPlanner.Ask ask, Step unsent, Function<EntryDecision.Send, Step> sent) {
    EntryDecision decision;
    try {
      decision = services.planner().decide(ask);
    } catch (BrokerUnavailableException | RateLimitException notYet) {
      // A read refused for a passing reason (throttled, unreachable, circuit open): nothing is recorded, so
      // the caller's retry of this event finds no copy and decides the entry afresh. Recorded FAILED, the
      // copy would be missed for good.
      throw notYet;
    } catch (RuntimeException beforeSending) {
      // Catalogue, an inconsistent event or a refused account failed before anything was sent: this
      // follower's entry fails where it stands, without holding up the others. A refused token stops it.
      if (beforeSending instanceof AuthenticationException refused) tokenRefused(refused);
      services.writer().recordUnsent(services.writer().copy(update, follower, unsent, ask.leaderShare(),
          Quantity.ZERO, strategy() + ": not sized", CopyState.FAILED,
          Optional.of(Placement.describe(beforeSending))), "copy_failed", ask.terms());
      return;
    }
    if (decision instanceof EntryDecision.Send send) {
      placeSlices(sent.apply(send), send.quantity(), send.instrument(), ask.leaderShare(), send.sizing(),
          ask.terms());
    } else if (decision instanceof EntryDecision.Skip skip) {
      skip(unsent, ask.leaderShare(), skip.sizing(), skip.reason(), ask.terms());
    } else if (decision instanceof EntryDecision.Wait) {
      // Recorded nothing on purpose: with no copy of this order, its next event decides the entry afresh.
      return;
    } else if (decision instanceof EntryDecision.Pause pause) {
      skip(unsent, ask.leaderShare(), pause.sizing(), pause.reason(), ask.terms());
      pauses.add(new PauseSignal(account(), pause.reason()));
    }
  }

  private void skip(Step step, Quantity leaderShare, String sizing, String reason, OrderTerms terms) {
    services.writer().recordUnsent(services.writer().copy(update, follower, step, leaderShare, Quantity.ZERO,
        sizing, CopyState.SKIPPED, Optional.of(reason)), "copy_skipped", terms);
  }

  /** Places {@code total} as slices under the freeze quantity: "base", "base-2", "base-3"... */
  private void placeSlices(Step base, Quantity total, Instrument instrument, Quantity leaderShare, String sizing,
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

  private void place(Step step, Quantity quantity, Quantity leaderShare, String sizing, OrderTerms terms) {
    intend(step, quantity, leaderShare, sizing, terms).ifPresent(Runnable::run);
  }

  private Optional<Runnable> intend(Step step, Quantity quantity, Quantity leaderShare, String sizing,
      OrderTerms terms) {
    CopyMapping intent = services.writer().copy(update, follower, step, leaderShare, quantity, sizing,
        CopyState.INTENDED, Optional.empty());
    OrderTerms onTick = terms.onTick(instrument().tickSize());
    OrderRequest request = onTick.request(account(), intent.correlationId(), quantity);
    return services.writer().intend(intent, onTick, "place_order", watched(() -> broker().place(request)));
  }

  // --- later events: modify, cancel -------------------------------------------------------------------

  /** The follower's total for a copy, given what was admitted when it was first placed. */
  private interface Desired {
    Quantity of(Instrument instrument, Quantity admitted);
  }

  /**
   * Brings the resting orders of one part (exit or entry) to the leader's order: cancelled when the
   * leader's is cancelled, rejected or expired; left alone once the leader's has traded; otherwise each
   * slice modified to its share of the desired total, extra slices cancelled and missing ones placed.
   */
  private void reconcile(List<CopyMapping> orders, Predicate<Step> part, List<CopyMapping> mine,
      Desired desired) {
    Map<Integer, List<CopyMapping>> slots = orders.stream().filter(copy -> part.test(step(copy)))
        .sorted(Comparator.comparingInt(copy -> step(copy).replacement()))
        .collect(Collectors.groupingBy(copy -> step(copy).slice(), TreeMap::new, Collectors.toList()));
    Quantity admitted = slots.values().stream().map(chain -> chain.get(0))
        .filter(first -> !NOTHING_PLACED.contains(first.state()))
        .map(CopyMapping::followerQuantity).reduce(Quantity.ZERO, Quantity::plus);
    if (admitted.isZero()) return;
    OrderTerms terms = OrderTerms.mirror(update);
    if (!update.status().isOpen()) {
      // A traded leader order is done; a follower limit order still resting is left to fill at its price.
      if (update.status() == OrderStatus.TRADED) return;
      slots.values().forEach(chain -> cancelOpen(last(chain), terms));
      return;
    }
    Instrument instrument = instrument();
    OrderTerms onTick = terms.onTick(instrument.tickSize());
    List<Quantity> wanted = Slices.of(desired.of(instrument, admitted), instrument.lotSize(),
        instrument.freezeQuantity());
    slots.forEach((slice, chain) -> adjust(chain, slice <= wanted.size() ? wanted.get(slice - 1) : Quantity.ZERO,
        onTick, mine));
    CopyMapping first = slots.values().iterator().next().get(0);
    for (int k = slots.size() + 1; k <= wanted.size(); k++) {
      place(step(first).slice(k), wanted.get(k - 1), first.leaderQuantity(),
          first.sizing() + " (slice " + k + " added when the leader modified)", terms);
    }
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
    services.writer().send(intent, terms, "modify_order",
        watched(() -> broker().modify(terms.modify(order, want))));
  }

  /** Dhan's modification limit is reached: cancel, then place what is still wanted as a new order. */
  private void replace(CopyMapping current, BrokerOrder order, Quantity want, OrderTerms terms) {
    if (!cancel(current, order, terms, MAX_MODIFICATIONS + " modifications used; replacing")) return;
    Step next = step(current).replacedBy(step(current).replacement() + 1);
    place(next, want.minus(order.filledQuantity()), current.leaderQuantity(),
        current.sizing() + " (replaces " + current.step() + " after " + MAX_MODIFICATIONS + " modifications)",
        terms);
  }

  /** What earlier, replaced orders of this slice filled before they were cancelled. */
  private Quantity carried(List<CopyMapping> chain) {
    return chain.subList(0, chain.size() - 1).stream()
        .flatMap(copy -> copy.followerOrderId().flatMap(id -> broker().order(id)).stream())
        .map(BrokerOrder::filledQuantity).reduce(Quantity.ZERO, Quantity::plus);
  }

  /** The follower order of this copy when the broker shows it open; a copy without one is left alone. */
  private Optional<BrokerOrder> liveOrder(CopyMapping copy) {
    if (copy.state().isFinal()) return Optional.empty();
    return copy.followerOrderId().flatMap(id -> broker().order(id)).filter(order -> order.status().isOpen());
  }

  /** The leader's order is gone: the follower's must go too, now or, when it cannot be yet, later. */
  private void cancelOpen(CopyMapping copy, OrderTerms terms) {
    if (copy.state().isFinal()) return;
    if (copy.followerOrderId().isEmpty()) {
      retries.add(new RetryLater(copy, update, "copy is " + copy.state()
          + " with no follower order id yet; cancel once it is resolved"));
      return;
    }
    Optional<BrokerOrder> order = broker().order(copy.followerOrderId().get());
    if (order.isEmpty()) {
      retries.add(new RetryLater(copy, update, "broker does not show order " + copy.followerOrderId().get()));
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
      result = broker().cancel(order.orderId());
    } catch (RuntimeException failed) {
      String reason = Placement.describe(failed);
      services.writer().audit("cancel_order", copy, terms, "failed " + reason, since(start));
      if (failed instanceof AuthenticationException refused) {
        // Nothing more is sent for the account now; the cancel is made when it resumes (see whileStopped).
        tokenRefused(refused);
      } else {
        if (failed instanceof RequestRefusedException refused) accessRefused(refused);
        retries.add(new RetryLater(copy, update, reason));
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
          "accepted " + accepted.orderId() + " " + accepted.status(), since(start));
      return true;
    }
    String reason = Placement.refusal(result);
    services.writer().audit("cancel_order", copy, terms, "rejected " + reason, since(start));
    if (result instanceof PlacementResult.InTransit) retries.add(new RetryLater(copy, update, reason));
    return false;
  }

  // --- refusals of the account -----------------------------------------------------------------------

  /**
   * The order write, watched for a refusal of the account rather than of the order. Once the token was refused
   * in this run, the writes left (further slices) are not sent: each fails with that reason. The refusal
   * itself still fails its copy (see {@link Placement}); what follows for the account is the caller's.
   */
  private Supplier<PlacementResult> watched(Supplier<PlacementResult> write) {
    return () -> {
      if (tokenRefused.isPresent()) {
        AuthenticationException first = tokenRefused.get();
        throw new AuthenticationException(first.code().orElse(null),
            "not sent: the account's token was refused on an earlier write: " + first.getMessage());
      }
      try {
        return write.get();
      } catch (AuthenticationException refused) {
        tokenRefused(refused);
        throw refused;
      } catch (RequestRefusedException refused) {
        accessRefused(refused);
        throw refused;
      }
    };
  }

  private void tokenRefused(AuthenticationException refused) {
    if (tokenRefused.isPresent()) return;
    tokenRefused = Optional.of(refused);
    refusals.add(AccountRefusal.of(account(), AccountRefusal.Kind.TOKEN, refused));
  }

  private void accessRefused(RequestRefusedException refused) {
    if (refusals.stream().anyMatch(r -> r.kind() == AccountRefusal.Kind.ACCESS)) return;
    refusals.add(AccountRefusal.of(account(), AccountRefusal.Kind.ACCESS, refused));
  }

  // --- helpers ------------------------------------------------------------------------------------------

  /** This follower's copies of the leader order, oldest first; steps this code did not name are ignored. */
  private List<CopyMapping> mine() {
    return services.store().copiesOf(update.orderId()).stream()
        .filter(copy -> copy.follower().equals(account()) && Step.parse(copy.step()).isPresent()).toList();
  }

  private Instrument instrument() {
    return services.instruments().find(update.instrument()).orElseThrow(() -> new IllegalStateException(
        "instrument " + update.instrument() + " is not in the instrument catalogue"));
  }

  private static Optional<CopyMapping> firstOf(List<CopyMapping> orders, Predicate<Step> part) {
    return orders.stream().filter(copy -> part.test(step(copy))).findFirst();
  }

  private static Step step(CopyMapping copy) {
    return Step.parse(copy.step()).orElseThrow();
  }

  private static CopyMapping last(List<CopyMapping> chain) {
    return chain.get(chain.size() - 1);
  }

  /** {@code total} less {@code part}, or zero. */
  private static Quantity beyond(Quantity total, Quantity part) {
    return total.compareTo(part) > 0 ? total.minus(part) : Quantity.ZERO;
  }

  private Duration since(Instant start) {
    return Duration.between(start, services.writer().now());
  }

  private CopyMode mode() {
    return follower.settings().copyMode();
  }

  private String strategy() {
    return follower.settings().sizing().name();
  }

  private AccountId account() {
    return follower.settings().account();
  }

  private BrokerAccount broker() {
    return follower.broker();
  }
}
