package io.copytrade.domain.replication;

import io.copytrade.ports.broker.AccountQueries;
import io.copytrade.ports.instrument.InstrumentCatalogue;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.store.CopyMapping;
import io.copytrade.ports.store.CopyStore;
import io.copytrade.ports.store.LedgerOrder;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Use case: one leader order event -&gt; every follower's copies brought to what the leader's order now is.
 * Call it for the events of one leader order one at a time, in arrival order.
 *
 * <p>The first live event of a leader order places each follower's copy: an exit sized from the follower's
 * own position when the order reduces the leader's, an entry sized by capital otherwise (or both, when the
 * leader goes through flat). Later events modify, cancel or top up those copies ({@link CopyMode}). Every
 * order write is stored as an intent under a deterministic correlation id before the broker is called, so
 * a frame seen twice or a restart finds it and never writes again; an event older than one already seen
 * changes nothing.
 *
 * <p>Followers are handled independently, each but the last on the given executor (by default in the caller's
 * thread) and the last in the caller's thread: one follower's failure or slowness never stops another's copy,
 * and all results are collected.
 */
public final class ReplicateLeaderOrder {
  /** Set to "false" in the store's config to pause new entries for every follower; exits still flow. */
  public static final String COPY_ENABLED = "copy_enabled";

  private final CopyStore store;
  private final FollowerRoster roster;
  private final InstantSource clock;
  private final Executor fanOut;
  private final FollowerRun.Services services;
  private final EventOrder eventOrder = new EventOrder();
  private final SettledOrders settled = new SettledOrders();

  public ReplicateLeaderOrder(CopyStore store, InstrumentCatalogue instruments, AccountQueries leader,
      List<Follower> followers, CapitalBook capital, InstantSource clock) {
    this(store, instruments, leader, followers, capital, clock, Runnable::run);
  }

  /** {@code fanOut} runs each follower's part of an event but the last's; give it a thread per follower. */
  public ReplicateLeaderOrder(CopyStore store, InstrumentCatalogue instruments, AccountQueries leader,
      List<Follower> followers, CapitalBook capital, InstantSource clock, Executor fanOut) {
    this(store, instruments, leader, new FollowerRoster(followers, store, clock), capital, clock, fanOut,
        new DeferredCopies());
  }

  /**
   * The {@code roster} is read at each event: a paused follower takes no new entries; for a stopped one
   * (its token was refused) nothing is sent or read at its broker, and each leader order first seen is
   * recorded SKIPPED with the reason. The caller keeps the roster, from the {@link ReplicationResult} it is
   * given ({@link ReplicationResult#refused()}, {@link ReplicationResult#pause()}). Copies refused before the
   * broker took them are noted in {@code deferred}, for the in-flight resolution that shares it.
   */
  public ReplicateLeaderOrder(CopyStore store, InstrumentCatalogue instruments, AccountQueries leader,
      FollowerRoster roster, CapitalBook capital, InstantSource clock, Executor fanOut, DeferredCopies deferred) {
    this.roster = Objects.requireNonNull(roster, "roster");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.fanOut = Objects.requireNonNull(fanOut, "fanOut");
    this.services = new FollowerRun.Services(store, new CopyWriter(store, clock, deferred),
        new EntryPlanner(Objects.requireNonNull(instruments, "instruments"), Objects.requireNonNull(leader, "leader"),
            Objects.requireNonNull(capital, "capital"), clock),
        instruments, new PositionLedger(store, clock));
  }

  /**
   * Handles one event; returns every copy of this leader order, per follower.
   *
   * @throws ReplicationIncompleteException after every follower was tried, when something failed for some
   *     outside a recorded copy
   */
  public List<CopyMapping> handle(LeaderOrderUpdate update) {
    ReplicationResult result = replicate(update);
    if (result.failures().isEmpty()) return result.copies();
    Map<String, RuntimeException> failures = new LinkedHashMap<>();
    result.failures().forEach(f -> failures.put(f.follower().value(), f.error()));
    throw new ReplicationIncompleteException(update.orderId(), result.copies(), failures);
  }

  /**
   * Handles one event and says everything it left to the caller: writes to retry later, followers to
   * pause, and followers it failed for.
   */
  public ReplicationResult replicate(LeaderOrderUpdate update) {
    // A duplicate frame is still walked, not dropped: after a crash part-way through the followers it is
    // the only chance to reach the rest, and every step first finds what is already done. Only an order whose
    // last walk in this process settled every follower is spared it (see SettledOrders).
    store.recordLeaderEvent(update, clock.instant());
    List<Follower> followers = roster.all();
    if (eventOrder.isStale(update)) return ReplicationResult.of(copiesOf(update, followers));
    SettledOrders.Standing standing = new SettledOrders.Standing(followers, followers.stream().collect(
        Collectors.toMap(f -> f.settings().account(), f -> roster.stopped(f.settings().account()))),
        copyingEnabled(store));
    if (settled.unchanged(update, standing)) return ReplicationResult.of(copiesOf(update, followers));
    ReplicationResult result = walk(update, followers, standing.copyingEnabled());
    settled.walked(update, standing, result);
    return result;
  }

  /** Every follower's part of the event, each but the last on the fan-out executor. */
  private ReplicationResult walk(LeaderOrderUpdate update, List<Follower> followers, boolean copyingEnabled) {
    Once<List<LedgerOrder>> before = new Once<>(() -> services.ledger().before(update));
    FollowerRun.EventFacts facts = new FollowerRun.EventFacts(before,
        new Once<>(() -> LeaderShape.of(update, services.ledger().leaderBefore(update, before.get()))),
        copyingEnabled, roster::stopped);
    // Every follower's copies in one read, where a read each queued a hundred followers on the store.
    Map<AccountId, List<CopyMapping>> copies = copiesByFollower(update, followers);
    List<CompletableFuture<ReplicationResult>> runs = new ArrayList<>(followers.size());
    for (int i = 0; i < followers.size(); i++) {
      // The last follower runs in this thread, after the others started, as this thread waits for them anyway:
      // one hand-over less per event (none with one follower) and one thread less.
      Executor on = i == followers.size() - 1 ? Runnable::run : fanOut;
      Follower follower = followers.get(i);
      runs.add(start(follower, update, facts, copies.get(follower.settings().account()), on));
    }
    ReplicationResult all = ReplicationResult.of(List.of());
    for (int i = 0; i < runs.size(); i++) all = all.plus(joined(runs.get(i), followers.get(i)));
    // Read once every run has ended, so each copy is as its run left it.
    return ReplicationResult.of(copiesOf(update, followers)).plus(all);
  }

  /** The global switch: only "false" in the store's config stops new entries. */
  static boolean copyingEnabled(CopyStore store) {
    return !store.config(COPY_ENABLED).map(value -> value.trim().equalsIgnoreCase("false")).orElse(false);
  }

  private CompletableFuture<ReplicationResult> start(Follower follower, LeaderOrderUpdate update,
      FollowerRun.EventFacts facts, List<CopyMapping> mine, Executor on) {
    try {
      return CompletableFuture.supplyAsync(() -> new FollowerRun(services, follower, update, facts).run(mine), on);
    } catch (RuntimeException notStarted) {
      return CompletableFuture.failedFuture(notStarted);
    }
  }

  private static ReplicationResult joined(CompletableFuture<ReplicationResult> run, Follower follower) {
    try {
      return run.join();
    } catch (CompletionException failed) {
      Throwable cause = failed.getCause();
      if (cause instanceof Error error) throw error;
      return ReplicationResult.failed(follower.settings().account(), (RuntimeException) cause);
    }
  }

  /** The followers' copies of the leader order, in the followers' order, each oldest first. */
  private List<CopyMapping> copiesOf(LeaderOrderUpdate update, List<Follower> followers) {
    return copiesByFollower(update, followers).values().stream().flatMap(List::stream).toList();
  }

  /** Each follower's copies of the leader order, oldest first; steps this code did not name are ignored. */
  private Map<AccountId, List<CopyMapping>> copiesByFollower(LeaderOrderUpdate update, List<Follower> followers) {
    Map<AccountId, List<CopyMapping>> stored = store.copiesOf(update.orderId()).stream()
        .filter(copy -> Step.parse(copy.step()).isPresent())
        .collect(Collectors.groupingBy(CopyMapping::follower));
    Map<AccountId, List<CopyMapping>> copies = new LinkedHashMap<>();
    for (Follower follower : followers) {
      AccountId account = follower.settings().account();
      copies.put(account, stored.getOrDefault(account, List.of()));
    }
    return copies;
  }
}
