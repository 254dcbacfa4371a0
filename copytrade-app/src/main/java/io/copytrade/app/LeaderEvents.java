package io.copytrade.app;

import io.copytrade.domain.replication.CapitalBook;
import io.copytrade.domain.replication.DeferredCopies;
import io.copytrade.domain.replication.Follower;
import io.copytrade.domain.replication.FollowerRoster;
import io.copytrade.domain.replication.ReplicateLeaderOrder;
import io.copytrade.domain.replication.ReplicationResult;
import io.copytrade.domain.replication.ResolutionPass;
import io.copytrade.domain.replication.ResolveInFlightCopies;
import io.copytrade.domain.replication.ReplicationResult.AccountRefusal;
import io.copytrade.domain.replication.ReplicationResult.PauseSignal;
import io.copytrade.ports.broker.AccessToken;
import io.copytrade.ports.broker.TokenSource;
import io.copytrade.ports.broker.AccountQueries;
import io.copytrade.ports.broker.AuthenticationException;
import io.copytrade.ports.instrument.InstrumentCatalogue;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.store.CopyMapping;
import io.copytrade.ports.store.CopyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles leader order events on the engine's event thread: replicates each to every follower (fanned out in
 * parallel), logs the copies, tries again later what the broker could not take yet (a cancel while TRANSIT,
 * a follower whose broker failed), and pauses a follower for the rest of the day when its loss limit is hit.
 *
 * <p>A follower whose token the broker refuses (401 DH-901, or 400 DH-906 "Invalid Token") is stopped: an
 * alert {@code follower_account_stopped} is logged once, and nothing is sent to or read from its broker
 * (its copies are recorded SKIPPED with the reason) until its token changes, as when a token file is
 * rotated. Then it resumes ({@code follower_account_resumed}), and the leader orders of its copies still
 * open are handled again so those copies follow the leader's orders. Other followers are never held up. A
 * follower the broker refuses as an account (DH-902, DH-903, invalid IP) is alerted on
 * ({@code follower_account_refused}) with each copy that fails so.
 */
final class LeaderEvents {
  private static final Logger log = LoggerFactory.getLogger(LeaderEvents.class);
  static final String LAST_EVENT_KEY = "last_leader_event_ts";
  /** Copies that may still have an order open at the broker. */
  private static final Set<CopyState> OPEN =
      EnumSet.of(CopyState.INTENDED, CopyState.UNKNOWN, CopyState.PLACED, CopyState.PART_FILLED);
  private static final int MAX_ATTEMPTS = 10;
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration MAX_RETRY = Duration.ofSeconds(30);

  private final CopyStore store;
  private final AccountQueries leader;
  private final InstantSource clock;
  private final Executor eventThread;
  private final ScheduledExecutorService timers;
  private final List<CopyListener> listeners;
  private final FollowerRoster roster;
  private final ReplicateLeaderOrder replicate;
  private final ResolveInFlightCopies resolver;
  /** The token each stopped follower had when it was stopped; in memory only, never logged. */
  private final Map<AccountId, AccessToken> stoppedWith = new ConcurrentHashMap<>();
  /** Per leader order, how many of its events wait for a retry. */
  private final Map<OrderId, Integer> retrying = new ConcurrentHashMap<>();
  private final Map<AccountId, TokenSource> tokens;

  /** @param tokens each follower's token source, asked only to tell a rotated token from the refused one */
  LeaderEvents(CopyStore store, InstrumentCatalogue instruments, AccountQueries leader, List<Follower> followers,
      Map<AccountId, TokenSource> tokens, CapitalBook capital, InstantSource clock, Executor fanOut,
      Executor eventThread, ScheduledExecutorService timers, List<CopyListener> listeners, Duration absenceWindow) {
    this.tokens = Map.copyOf(tokens);
    this.store = store;
    this.leader = leader;
    this.clock = clock;
    this.eventThread = eventThread;
    this.timers = timers;
    this.listeners = listeners;
    this.roster = new FollowerRoster(followers, store, clock);
    DeferredCopies deferred = new DeferredCopies();
    this.replicate = new ReplicateLeaderOrder(store, instruments, leader, roster, capital, clock, fanOut, deferred);
    // A stopped follower's copies in flight are left as they are (its broker would refuse every question)
    // and resolved once it resumes.
    this.resolver = new ResolveInFlightCopies(store, leader, roster::active, clock, absenceWindow, deferred);
  }

  /**
   * One pass over copies whose placement is in doubt or not yet sent; called on the event thread only, so it
   * never overlaps a placement in progress. Leader orders whose copies changed are handled again, so what
   * follows from them (a cancel waiting for an order id, an entry beyond an exit) is done.
   */
  void resolveInFlight() {
    resumeRotated();
    ResolutionPass pass;
    try {
      pass = resolver.resolve();
    } catch (RuntimeException e) {
      log.atError().setCause(e).log("in_flight_resolution_failed");
      return;
    }
    pass.resolved().forEach(copy -> logCopy(copy, false));
    pass.placed().forEach(copy -> logCopy(copy, false));
    pass.failures().forEach(f -> log.atError().addKeyValue("follower", f.follower())
        .addKeyValue("correlation_id", f.correlationId()).setCause(f.error()).log("in_flight_resolution_failed"));
    pass.failures().stream().filter(f -> f.error() instanceof AuthenticationException)
        .forEach(f -> stop(f.follower(), f.error().getMessage()));
    pass.leaderOrdersToReplay().forEach(this::replay);
  }

  /** Handles a leader order again, as the leader's broker shows it now. */
  private void replay(OrderId id) {
    try {
      leader.order(id).map(order -> LeaderCatchUp.asEvent(order, clock.instant())).ifPresent(this::handle);
    } catch (RuntimeException e) {
      log.atWarn().addKeyValue("leader_order", id).setCause(e).log("leader_order_replay_failed");
    }
  }

  /** Called on the event thread only. */
  void handle(LeaderOrderUpdate update) {
    handle(update, 1);
  }

  private void handle(LeaderOrderUpdate update, int attempt) {
    resumeRotated();
    Instant started = clock.instant();
    ReplicationResult result;
    try {
      result = replicate.replicate(update);
    } catch (RuntimeException e) {
      log.atError().addKeyValue("leader_order", update.orderId()).setCause(e).log("leader_event_failed");
      retry(update, attempt, "the event could not be handled: " + e.getMessage());
      return;
    }
    store.setConfig(LAST_EVENT_KEY, Long.toString(started.toEpochMilli()), started);
    // Copies this event did not change were logged when they did; repeat them only at DEBUG.
    result.copies().forEach(copy -> logCopy(copy, copy.updatedAt().isBefore(started)));
    result.failures().forEach(f -> log.atError().addKeyValue("leader_order", update.orderId())
        .addKeyValue("follower", f.follower()).setCause(f.error()).log("copy_failed"));
    result.pause().forEach(this::pause);
    result.refused().forEach(this::refused);
    if (!result.retryLater().isEmpty() || !result.failures().isEmpty()) {
      retry(update, attempt, result.retryLater().isEmpty() ? "a follower failed"
          : result.retryLater().get(0).reason());
    }
    listeners.forEach(l -> l.onCopies(update, result.copies()));
  }

  /** Handles the same event again after a backoff; handling is idempotent, so only what is missing is done. */
  private void retry(LeaderOrderUpdate update, int attempt, String reason) {
    if (attempt >= MAX_ATTEMPTS) {
      log.atError().addKeyValue("leader_order", update.orderId()).addKeyValue("attempts", attempt)
          .addKeyValue("reason", reason).log("leader_event_given_up");
      return;
    }
    long delay = Math.min(MAX_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(attempt - 1, 16));
    log.atWarn().addKeyValue("leader_order", update.orderId()).addKeyValue("attempt", attempt)
        .addKeyValue("retry_in_ms", delay).addKeyValue("reason", reason).log("leader_event_retry");
    retrying.merge(update.orderId(), 1, Integer::sum);
    timers.schedule(() -> eventThread.execute(() -> {
      retrying.computeIfPresent(update.orderId(), (id, n) -> n > 1 ? n - 1 : null);
      handle(update, attempt + 1);
    }), delay, TimeUnit.MILLISECONDS);
  }

  /** Leader orders with an event waiting to be handled again: what they call for is not all done yet. */
  Set<OrderId> retrying() {
    return Set.copyOf(retrying.keySet());
  }

  /** The followers as the engine treats them now: paused ones as paused, stopped ones left out. */
  List<Follower> active() {
    return roster.active();
  }

  private void logCopy(CopyMapping copy, boolean unchanged) {
    (unchanged ? log.atDebug() : log.atInfo())
        .addKeyValue("leader_order", copy.leaderOrderId())
        .addKeyValue("follower", copy.follower())
        .addKeyValue("step", copy.step())
        .addKeyValue("state", copy.state())
        .addKeyValue("leader_qty", copy.leaderQuantity())
        .addKeyValue("follower_qty", copy.followerQuantity())
        .addKeyValue("follower_order", copy.followerOrderId().map(Object::toString).orElse("-"))
        .addKeyValue("reason", copy.reason().orElse("-"))
        .log("copy");
  }

  /** The broker refused the follower's account: stop it (a refused token), or alert (a refused account). */
  private void refused(AccountRefusal refusal) {
    switch (refusal.kind()) {
      case TOKEN -> stop(refusal.follower(), refusal.reason());
      case ACCESS -> log.atError().addKeyValue("follower", refusal.follower())
          .addKeyValue("reason", refusal.reason()).log("follower_account_refused");
    }
  }

  /**
   * Sends and asks nothing more of the follower's broker until its token changes; alerts once. The reason is
   * the broker's refusal as the adapter described it, which never holds a token.
   */
  private void stop(AccountId follower, String reason) {
    if (!roster.stop(follower, reason)) return;
    stoppedWith.put(follower, tokens.get(follower).current());
    log.atError().addKeyValue("follower", follower).addKeyValue("reason", reason)
        .addKeyValue("resumes", "when its token changes").log("follower_account_stopped");
  }

  /**
   * Resumes every stopped follower whose token has changed since (a rotated token file), and handles again
   * the leader orders of its copies still open, so they follow what the leader did meanwhile.
   */
  private void resumeRotated() {
    for (Map.Entry<AccountId, AccessToken> entry : List.copyOf(stoppedWith.entrySet())) {
      AccountId follower = entry.getKey();
      if (tokens.get(follower).current().equals(entry.getValue())) continue;
      stoppedWith.remove(follower);
      roster.resume(follower);
      log.atWarn().addKeyValue("follower", follower).addKeyValue("reason", "its token changed")
          .log("follower_account_resumed");
      Set<OrderId> open = new LinkedHashSet<>();
      store.inStates(OPEN).stream().filter(copy -> copy.follower().equals(follower))
          .forEach(copy -> open.add(copy.leaderOrderId()));
      // After the event in hand: a replay handled inside it would run before it is done.
      open.forEach(id -> eventThread.execute(() -> replay(id)));
    }
  }

  /** Stops new entries for the follower until the end of the day (IST); exits still flow. */
  private void pause(PauseSignal signal) {
    roster.pauseForToday(signal.follower());
    log.atError().addKeyValue("follower", signal.follower()).addKeyValue("reason", signal.reason())
        .log("follower_paused_for_the_day");
  }

}
