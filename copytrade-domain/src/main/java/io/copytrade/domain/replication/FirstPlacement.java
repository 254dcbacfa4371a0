package io.copytrade.domain.replication;

import static io.copytrade.domain.replication.FollowerEvent.LIVE;
import static io.copytrade.domain.replication.FollowerEvent.NOTHING_PLACED;
import static io.copytrade.domain.replication.FollowerEvent.beyond;
import static io.copytrade.domain.replication.FollowerEvent.firstOf;
import static io.copytrade.domain.replication.FollowerEvent.step;

import io.copytrade.domain.replication.ReplicationResult.PauseSignal;
import io.copytrade.ports.broker.AuthenticationException;
import io.copytrade.ports.broker.BrokerUnavailableException;
import io.copytrade.ports.broker.RateLimitException;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.store.CopyMapping;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The first live event of a leader order, for one follower: decides what the order is to it (an exit of its
 * position, a new entry, or both when the leader goes through flat) and places it; in fills mode, each new
 * fill of the leader. While the follower's account is stopped, what it would have placed is recorded as not
 * sent.
 */
final class FirstPlacement {
  /** How a copy skipped because the follower's account is stopped begins its reason. */
  static final String STOPPED = "follower account stopped";
  private static final String NOT_SENT = "not sized: " + STOPPED;

  private final FollowerEvent event;
  private final FollowerRun.Services services;
  private final Follower follower;
  private final LeaderOrderUpdate update;
  private final FollowerRun.EventFacts facts;

  FirstPlacement(FollowerEvent event) {
    this.event = event;
    this.services = event.services();
    this.follower = event.follower();
    this.update = event.update();
    this.facts = event.facts();
  }

  void firstSight() {
    // An order first seen dead never reached the market for the leader: there is nothing to copy.
    if (!LIVE.contains(update.status())) return;
    LeaderShape shape = facts.leaderShape().get();
    if (!shape.closes().isZero()) exit(shape);
    if (shape.opens().isZero()) return;
    if (event.mode() == CopyMode.FILLS) {
      fills(shape.closes());
    } else {
      enter(shape.opens());
    }
  }

  /**
   * The follower's account is stopped (its token was refused): nothing is sent to or read from its broker.
   * What the leader's order would have this follower do is recorded SKIPPED with the reason (the exit and the
   * entry it would first place, or in fills mode each new fill), so the user sees what was not copied; such
   * a copy stays skipped after the account resumes, like any skip. Copies placed before the stop are brought
   * to the leader's order once it resumes, when the caller handles their leader orders again.
   */
  void whileStopped(List<CopyMapping> mine, String why) {
    if (!LIVE.contains(update.status())) return;
    String reason = STOPPED + ": " + why + "; nothing is sent for it until its token changes";
    OrderTerms terms = OrderTerms.mirror(update);
    if (mine.isEmpty()) {
      LeaderShape shape = facts.leaderShape().get();
      if (!shape.closes().isZero()) event.skip(Step.of(Step.EXIT), shape.closes(), NOT_SENT, reason, terms);
      if (shape.opens().isZero()) return;
      if (event.mode() == CopyMode.FILLS) {
        skipFill(shape.closes(), reason);
      } else {
        event.skip(Step.of(Step.ENTRY), shape.opens(), NOT_SENT, reason, terms);
      }
    } else if (event.mode() == CopyMode.FILLS) {
      List<CopyMapping> orders = mine.stream().filter(copy -> !step(copy).isModification()).toList();
      skipFill(firstOf(orders, Step::isExit).map(CopyMapping::leaderQuantity).orElse(Quantity.ZERO), reason);
    }
  }

  /** In fills mode, what the leader filled beyond flat is recorded as not sent (see {@link #fills}). */
  private void skipFill(Quantity closes, String reason) {
    Quantity leaderShare = beyond(update.filledQuantity(), closes);
    if (leaderShare.isZero()) return;
    event.skip(Step.fillUnsent(leaderShare.units()), leaderShare, NOT_SENT, reason, OrderTerms.market(update));
  }

  /** Closes the same fraction of the follower's position as the order closes of the leader's. */
  private void exit(LeaderShape shape) {
    OrderTerms terms = OrderTerms.copying(update);
    // Failures here throw rather than record a failed copy: an exit given up on is a position left open, so
    // the next event (or the caller's retry) must find no copy and try again.
    Instrument instrument = event.instrument();
    int held = services.ledger().followerBefore(event.account(), update, facts.before().get());
    ExitPlanner.Exit exit = ExitPlanner.plan(shape, update.side(), update.instrument(), update.product(), held,
        instrument.lotSize());
    Step step = Step.of(Step.EXIT);
    if (exit.quantity().isZero()) {
      event.skip(step, shape.closes(), exit.sizing(), exit.sizing(), terms);
      return;
    }
    event.placeSlices(step, exit.quantity(), instrument, shape.closes(), exit.sizing(), terms);
  }

  /** Copies a new position, sized by capital: the whole leader order, or what is beyond flat. */
  void enter(Quantity leaderShare) {
    OrderTerms terms = OrderTerms.copying(update);
    decideEntry(new EntryPlanner.Ask(update, follower, leaderShare, Quantity.ZERO, terms,
        facts.copyingEnabled()), Step.of(Step.ENTRY), send -> Step.of(Step.ENTRY));
  }

  /**
   * Brings the follower to its share of what the leader has filled beyond flat: the target is sized from
   * the cumulative fill each time, so a remainder under one lot is carried, never rounded up or lost.
   */
  void fills(Quantity closes) {
    Quantity leaderShare = beyond(update.filledQuantity(), closes);
    if (leaderShare.isZero()) return;
    Quantity placed = event.mine().stream().filter(copy -> step(copy).isFill() && !step(copy).isModification())
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
      if (beforeSending instanceof AuthenticationException refused) event.guard().tokenRefused(refused);
      services.writer().recordUnsent(services.writer().copy(update, follower, unsent, ask.leaderShare(),
          Quantity.ZERO, event.strategy() + ": not sized", CopyState.FAILED,
          Optional.of(Placement.describe(beforeSending))), "copy_failed", ask.terms());
      return;
    }
    if (decision instanceof EntryDecision.Send send) {
      event.placeSlices(sent.apply(send), send.quantity(), send.instrument(), ask.leaderShare(), send.sizing(),
          ask.terms());
    } else if (decision instanceof EntryDecision.Skip skip) {
      event.skip(unsent, ask.leaderShare(), skip.sizing(), skip.reason(), ask.terms());
    } else if (decision instanceof EntryDecision.Wait) {
      // Recorded nothing on purpose: with no copy of this order, its next event decides the entry afresh.
      return;
    } else if (decision instanceof EntryDecision.Pause pause) {
      event.skip(unsent, ask.leaderShare(), pause.sizing(), pause.reason(), ask.terms());
      event.pauses().add(new PauseSignal(event.account(), pause.reason()));
    }
  }
}
