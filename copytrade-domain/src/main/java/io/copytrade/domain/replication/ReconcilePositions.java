package io.copytrade.domain.replication;

import io.copytrade.ports.broker.BrokerAccount;
import io.copytrade.ports.instrument.InstrumentCatalogue;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.store.CopyMapping;
import io.copytrade.ports.store.CopyStore;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Use case: compares each follower's positions with their targets and acts by the follower's
 * {@link ReconcilePolicy}. Whatever the policy, what the engine itself opened beyond a target is closed
 * (see {@link PositionLedger}): a follower never keeps exposure the leader reduced or closed. A position's target is the leader's net position there sized by the follower's
 * strategy (capital-proportional or fixed ratio, floored to lots; zero where the leader holds nothing).
 * Positions answered for are those the leader holds and those in instruments the engine has copied to the
 * follower: a follower's own trades elsewhere are never touched.
 *
 * <p>A position is judged only when nothing in it is moving: no open order of the leader or the follower in
 * the instrument, no copy in flight, and every leader fill in it already handled by the engine (or history
 * from before the engine first ran today). Otherwise it is DEFERRED, because a copy on its way would
 * otherwise be placed twice: once by the copy, once by the reconciliation.
 *
 * <p>Orders it sends are DAY market orders, each stored as an intent first under a correlation id derived
 * from the run's name, the position and the step ("reconcile-close", "reconcile-open", sliced at the freeze
 * quantity), so running it again under the same name sends nothing twice. Run it on the engine's event
 * thread, between events, after in-flight copies were resolved.
 *
 * <p>Every follower's books are read at once, before the first is judged: the event thread waits for the
 * slowest broker's round trip, not for the sum of them all.
 */
public final class ReconcilePositions {
  private static final Set<CopyState> IN_FLIGHT = EnumSet.of(CopyState.INTENDED, CopyState.UNKNOWN);
  private final FollowerReconciliation.Services services;
  private final BrokerAccount leader;
  private final List<Follower> followers;
  private final LedgerCheck ledgerCheck;
  private final Executor reads;

  /**
   * @param ledgerCheck the engine's one check of the leader's ledger, which remembers what it reported
   * @param reads runs the reads of the followers' books; give it a thread per follower or more
   */
  public ReconcilePositions(CopyStore store, InstrumentCatalogue instruments, BrokerAccount leader,
      List<Follower> followers, CapitalBook capital, InstantSource clock, LedgerCheck ledgerCheck, Executor reads) {
    this.ledgerCheck = Objects.requireNonNull(ledgerCheck, "ledgerCheck");
    this.reads = Objects.requireNonNull(reads, "reads");
    this.services = new FollowerReconciliation.Services(Objects.requireNonNull(store, "store"),
        // A reconciliation order refused before the broker took it is not sent again (the next run measures
        // afresh), so its deferral is kept by nobody.
        new CopyWriter(store, clock, new DeferredCopies()), Objects.requireNonNull(instruments, "instruments"),
        Objects.requireNonNull(capital, "capital"), clock, new PositionLedger(store, clock));
    this.leader = Objects.requireNonNull(leader, "leader");
    this.followers = List.copyOf(followers);
  }

  /**
   * One reconciliation of every follower; a follower whose broker or store fails is reported and the others
   * go on. Throws only when the leader's positions or orders cannot be read (nothing was sent then).
   *
   * @param run names this run in its orders' correlation ids (at most 20 characters, e.g. a time stamp)
   * @param history leader orders that finished before the engine first ran today: never copied, part of the
   *     leader's position, so not waited for
   * @param busy leader orders whose events are still to be handled again (a follower failed, a cancel waits):
   *     positions in their instruments are deferred
   */
  public synchronized Reconciliation run(String run, Set<OrderId> history, Set<OrderId> busy) {
    if (run.isBlank() || run.length() > 20) {
      throw new IllegalArgumentException("run name must be 1-20 characters: '" + run + "'");
    }
    FollowerReconciliation.LeaderView view = new FollowerReconciliation.LeaderView(leader, leader.id(),
        leader.positions(),
        leader.orderBook(), Set.copyOf(history), Set.copyOf(busy),
        ReplicateLeaderOrder.copyingEnabled(services.store()));
    List<CopyMapping> inFlight = services.store().inStates(IN_FLIGHT);
    List<CompletableFuture<FollowerReconciliation.Books>> books = followers.stream()
        .map(follower -> CompletableFuture.supplyAsync(() -> FollowerReconciliation.Books.read(follower.broker()),
            reads))
        .toList();
    List<PositionCheck> checks = new ArrayList<>();
    List<Reconciliation.FollowerFailure> failures = new ArrayList<>();
    for (int i = 0; i < followers.size(); i++) {
      Follower follower = followers.get(i);
      try {
        checks.addAll(new FollowerReconciliation(services, view, follower, run, joined(books.get(i))).run(inFlight));
      } catch (RuntimeException e) {
        failures.add(new Reconciliation.FollowerFailure(follower.settings().account(), e));
      }
    }
    return new Reconciliation(run, checks, failures,
        ledgerCheck.check(leader.id(), view.positions(), view.orders()));
  }

  private static FollowerReconciliation.Books joined(CompletableFuture<FollowerReconciliation.Books> read) {
    try {
      return read.join();
    } catch (CompletionException failed) {
      if (failed.getCause() instanceof RuntimeException cause) throw cause;
      throw failed;
    }
  }
}
