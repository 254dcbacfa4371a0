package io.copytrade.domain.replication;

import io.copytrade.domain.order.CopyStateMachine;
import io.copytrade.domain.order.Transition;
import io.copytrade.domain.replication.ResolutionPass.Failure;
import io.copytrade.domain.replication.ResolutionPass.Pending;
import io.copytrade.ports.broker.BrokerAccount;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderRequest;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.Position;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.store.CopyMapping;
import io.copytrade.ports.store.CopyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One follower's part of a resolution pass: each of its in-flight copies, oldest first, asked of its broker
 * and settled, left pending, or sent again. A copy whose resolution throws is reported and the rest go on.
 */
final class FollowerResolution {
  private static final Set<CopyState> SENT_NOTHING = EnumSet.of(CopyState.REJECTED, CopyState.FAILED);

  /** What every follower's part shares. */
  record Services(CopyStore store, CopyWriter writer, DeferredCopies deferred, InstantSource clock,
      Duration window) {}

  /** Leader facts read at most once per pass, only when a copy not at the broker needs them. */
  record LeaderFacts(Function<OrderId, Optional<BrokerOrder>> order, Supplier<List<Position>> positions,
      Supplier<Boolean> copyingEnabled) {}

  /** An order the broker shows for a correlation id, and where it was seen. */
  private record Found(BrokerOrder order, String where) {}

  private final Services services;
  private final Follower follower;
  private final LeaderFacts leader;
  private final Once<List<BrokerOrder>> book;
  private final List<CopyMapping> resolved = new ArrayList<>();
  private final List<CopyMapping> placed = new ArrayList<>();
  private final List<Pending> pending = new ArrayList<>();
  private final List<Failure> failures = new ArrayList<>();
  /** A send again was refused before the broker took it: the follower's other deferred copies wait a pass. */
  private boolean throttled;

  FollowerResolution(Services services, Follower follower, LeaderFacts leader) {
    this.services = services;
    this.follower = follower;
    this.leader = leader;
    this.book = new Once<>(follower.broker()::orderBook);
  }

  ResolutionPass resolve(List<CopyMapping> copies) {
    for (CopyMapping copy : copies) {
      try {
        resolve(copy);
      } catch (RuntimeException failed) {
        failures.add(new Failure(follower.settings().account(), copy.correlationId(), failed));
      }
    }
    return new ResolutionPass(resolved, placed, pending, failures);
  }

  private void resolve(CopyMapping copy) {
    Optional<Step> step = Step.parse(copy.step());
    if (step.isEmpty()) {
      pending.add(new Pending(copy, "step '" + copy.step() + "' is not one this engine names; resolve it by hand"));
      return;
    }
    boolean refusedUnsent = services.deferred().takeRefused(copy.correlationId());
    if (step.get().isModification()) {
      // Judged by the order it changes, refused unsent or not.
      modification(copy, step.get());
      return;
    }
    Instant start = services.clock().instant();
    if (refusedUnsent) {
      sendAgain(copy, step.get(), start);
      return;
    }
    Optional<Found> found = find(copy.correlationId());
    if (found.isPresent()) {
      BrokerOrder order = found.get().order();
      CopyState state = CopyStateMachine.fromBroker(order.status(), order.quantity(), order.filledQuantity());
      Optional<String> why = state == CopyState.REJECTED ? order.rejectReason() : Optional.empty();
      settle(moved(copy, state, Optional.of(order.orderId()), why), Optional.of(OrderTerms.of(order)),
          "found " + order.orderId() + " " + order.status() + " " + found.get().where(), start);
      return;
    }
    if (inWindow(copy)) {
      pending.add(new Pending(copy, "the broker shows no order " + copy.correlationId()
          + " yet; one in TRANSIT may not show for up to " + services.window()));
      return;
    }
    absent(copy, step.get(), start, "the broker showed no order " + copy.correlationId() + " for "
        + services.window() + "; sent again");
  }

  /**
   * This process saw the copy's send refused before the broker took it: nothing to look for. Once one such send
   * of the follower's is refused again in a pass, its others wait for the next.
   */
  private void sendAgain(CopyMapping copy, Step step, Instant start) {
    if (throttled) {
      services.deferred().refused(copy.correlationId());
      pending.add(new Pending(copy, "sent again at the next pass: this pass's send of another copy of the"
          + " follower was refused too"));
      return;
    }
    absent(copy, step, start, "its send was refused before the broker took it (" + copy.reason()
        .orElse("throttled") + "); sent again");
  }

  /** Dhan's lookup by correlation id cannot see TRANSIT orders; its order book can. */
  private Optional<Found> find(CorrelationId id) {
    Optional<BrokerOrder> byId = broker().findByCorrelationId(id);
    if (byId.isPresent()) return Optional.of(new Found(byId.get(), "by correlation id"));
    return book.get().stream().filter(order -> order.correlationId().equals(Optional.of(id))).findFirst()
        .map(order -> new Found(order, "in the order book"));
  }

  /** The broker does not have the copy ({@code why}): send it again if the leader still calls for it. */
  private void absent(CopyMapping copy, Step step, Instant start, String why) {
    if (step.isReconciliation()) {
      // It followed positions as they stood then; the next reconciliation measures them again.
      giveUp(copy, Optional.empty(), "the broker never took this reconciliation order; not sent again, the next"
          + " reconciliation compares the positions afresh", start);
      return;
    }
    Optional<BrokerOrder> leaderOrder = leader.order().apply(copy.leaderOrderId());
    if (leaderOrder.isEmpty()) {
      giveUp(copy, Optional.empty(), "leader order " + copy.leaderOrderId()
          + " is not in the leader's orders (an earlier day?); not sent again", start);
      return;
    }
    OrderTerms mirrored = OrderTerms.following(copy, leaderOrder.get());
    OrderTerms terms = step.isFill() ? mirrored.atMarket() : mirrored;
    Optional<String> moot = notCalledFor(copy, step, leaderOrder.get(), terms);
    if (moot.isPresent()) {
      giveUp(copy, Optional.of(terms), moot.get(), start);
      return;
    }
    // Built before the write: a request that cannot be built must not be taken for a lost answer.
    OrderRequest request = terms.request(follower.settings().account(), copy.correlationId(),
        copy.followerQuantity());
    CopyMapping sent = services.writer().resend(copy, why, terms, () -> broker().place(request));
    placed.add(sent);
    if (sent.state() == CopyState.INTENDED) throttled = true;
  }

  /**
   * Why the copy is no longer wanted, following the copy mode's rules: a fill copies what already traded, so
   * only the leader having left that position makes it moot; an entry or exit mirrors the leader's order, so
   * it goes when that order is cancelled, rejected or expired. Entries obey the follower's and the global
   * switch; an exit is never sent beyond what the follower holds.
   */
  private Optional<String> notCalledFor(CopyMapping copy, Step step, BrokerOrder leaderOrder, OrderTerms terms) {
    if (!step.isExit() && !follower.settings().enabled()) {
      return Optional.of("follower takes no new entries now (disabled or paused)");
    }
    if (!step.isExit() && !leader.copyingEnabled().get()) {
      return Optional.of("copying is switched off (" + ReplicateLeaderOrder.COPY_ENABLED + " = false)");
    }
    if (step.isFill()) return leaderLeft(copy, terms);
    OrderStatus status = leaderOrder.status();
    if (status.isTerminal() && status != OrderStatus.TRADED) {
      return Optional.of("leader order " + leaderOrder.orderId() + " is " + status);
    }
    if (step.isExit()) return wouldFlip(copy, terms);
    return status == OrderStatus.TRADED ? leaderLeft(copy, terms) : Optional.empty();
  }

  /** A traded entry sent late must not open a position the leader has closed meanwhile. */
  private Optional<String> leaderLeft(CopyMapping copy, OrderTerms terms) {
    int net = LeaderShape.netOf(leader.positions().get(), copy.instrument(), terms.product());
    boolean holds = copy.side() == Side.BUY ? net > 0 : net < 0;
    if (holds) return Optional.empty();
    return Optional.of("leader no longer holds the " + (copy.side() == Side.BUY ? "long" : "short")
        + " position this copy follows (net " + net + ")");
  }

  /**
   * What the follower holds to close, less what its open orders and this pass's re-sent copies already
   * close, must cover the exit. The order book was read before the first re-send (every re-send follows a
   * look in it), so the two never count the same order.
   */
  private Optional<String> wouldFlip(CopyMapping copy, OrderTerms terms) {
    int net = LeaderShape.netOf(broker().positions(), copy.instrument(), terms.product());
    int held = Math.max(0, copy.side() == Side.SELL ? net : -net);
    // As ExitPlanner counts them: only orders no resting leader order mirrors.
    int resting = ExitPlanner.resting(book.get(), copy.side(), copy.instrument(), terms.product(),
        ExitPlanner.lagging(services.store()));
    int sentNow = placed.stream().filter(sent -> !SENT_NOTHING.contains(sent.state()))
        .filter(sent -> sent.side() == copy.side() && sent.instrument().equals(copy.instrument()))
        .mapToInt(sent -> sent.followerQuantity().units()).sum();
    int closing = resting + sentNow;
    if (held - closing >= copy.followerQuantity().units()) return Optional.empty();
    return Optional.of("follower holds " + held + " to close, " + closing + " of it under open orders: closing "
        + copy.followerQuantity() + " more would flip it");
  }

  /**
   * A modify carries no correlation id, so it is judged by the order it changed: showing the modified
   * quantity, it took; otherwise it did not, and handling the leader order again (see
   * {@link ResolutionPass#leaderOrdersToReplay()}) brings that order to the leader's quantity and prices.
   */
  private void modification(CopyMapping copy, Step step) {
    Instant start = services.clock().instant();
    Optional<BrokerOrder> modified = services.store()
        .find(CorrelationId.derive(copy.leaderOrderId(), copy.follower(), step.order().name()))
        .flatMap(CopyMapping::followerOrderId).flatMap(broker()::order);
    if (modified.isEmpty()) {
      pending.add(new Pending(copy, "the order it modifies is not known at the broker yet"));
      return;
    }
    BrokerOrder order = modified.get();
    Optional<OrderTerms> terms = Optional.of(OrderTerms.of(order));
    String shows = "follower order " + order.orderId() + " is " + order.status() + " for " + order.quantity();
    if (order.quantity().equals(copy.followerQuantity())) {
      settle(moved(copy, CopyState.PLACED, Optional.of(order.orderId()), Optional.empty()), terms,
          shows + ", as modified", start);
    } else if (order.status().isOpen() && inWindow(copy)) {
      pending.add(new Pending(copy, shows + ", not " + copy.followerQuantity() + " yet"));
    } else {
      giveUp(copy, terms, shows + ", not " + copy.followerQuantity() + ": the modification did not take", start);
    }
  }

  /** The copy moved to {@code to}; an INTENDED copy the broker shows was sent, its answer lost: UNKNOWN. */
  private CopyMapping moved(CopyMapping copy, CopyState to, Optional<OrderId> orderId, Optional<String> why) {
    Instant now = services.clock().instant();
    CopyMapping from = copy.state() == CopyState.INTENDED
        && CopyStateMachine.check(CopyState.INTENDED, to) instanceof Transition.Refused
        ? CopyStateMachine.move(copy, CopyState.UNKNOWN, Optional.empty(), Optional.empty(), now) : copy;
    return CopyStateMachine.move(from, to, orderId, why, now);
  }

  private void giveUp(CopyMapping copy, Optional<OrderTerms> terms, String why, Instant start) {
    settle(moved(copy, CopyState.FAILED, Optional.empty(), Optional.of(why)), terms, "failed: " + why, start);
  }

  private void settle(CopyMapping moved, Optional<OrderTerms> terms, String outcome, Instant start) {
    resolved.add(services.writer().record(moved, "copy_resolved", terms, outcome,
        Duration.between(start, services.clock().instant())));
  }

  /** Touched less than the window ago: an order sent then may still be in TRANSIT, invisible to a lookup. */
  private boolean inWindow(CopyMapping copy) {
    return services.clock().instant().isBefore(copy.updatedAt().plus(services.window()));
  }

  private BrokerAccount broker() {
    return follower.broker();
  }
}
