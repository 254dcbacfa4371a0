package io.copytrade.app;

import io.copytrade.domain.replication.CapitalBook;
import io.copytrade.domain.replication.Follower;
import io.copytrade.domain.replication.ReplicateLeaderOrder;
import io.copytrade.domain.replication.ReplicationResult;
import io.copytrade.domain.replication.ResolutionPass;
import io.copytrade.domain.replication.ResolveInFlightCopies;
import io.copytrade.domain.replication.ReplicationResult.PauseSignal;
import io.copytrade.ports.broker.AccountQueries;
import io.copytrade.ports.instrument.InstrumentCatalogue;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.store.CopyMapping;
import io.copytrade.ports.store.CopyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles leader order events on the engine's event thread: replicates each to every follower (fanned out in
 * parallel), logs the copies, tries again later what the broker could not take yet (a cancel while TRANSIT,
 * a follower whose broker failed), and pauses a follower for the rest of the day when its loss limit is hit.
 */
final class LeaderEvents {
  private static final Logger log = LoggerFactory.getLogger(LeaderEvents.class);
  static final String LAST_EVENT_KEY = "last_leader_event_ts";
  private static final int MAX_ATTEMPTS = 10;
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration MAX_RETRY = Duration.ofSeconds(30);

  private final CopyStore store;
  private final InstrumentCatalogue instruments;
  private final AccountQueries leader;
  private final CapitalBook capital;
  private final InstantSource clock;
  private final Executor fanOut;
  private final Executor eventThread;
  private final ScheduledExecutorService timers;
  private final List<CopyListener> listeners;
  private final Duration absenceWindow;
  private List<Follower> followers;
  private ReplicateLeaderOrder replicate;
  private ResolveInFlightCopies resolver;

  LeaderEvents(CopyStore store, InstrumentCatalogue instruments, AccountQueries leader, List<Follower> followers,
      CapitalBook capital, InstantSource clock, Executor fanOut, Executor eventThread,
      ScheduledExecutorService timers, List<CopyListener> listeners, Duration absenceWindow) {
    this.absenceWindow = absenceWindow;
    this.store = store;
    this.instruments = instruments;
    this.leader = leader;
    this.capital = capital;
    this.clock = clock;
    this.fanOut = fanOut;
    this.eventThread = eventThread;
    this.timers = timers;
    this.listeners = listeners;
    this.followers = followers.stream().map(this::withStoredPause).toList();
    useFollowers();
  }

  /** Both use cases see the same followers, paused ones included as paused. */
  private void useFollowers() {
    replicate = new ReplicateLeaderOrder(store, instruments, leader, followers, capital, clock, fanOut);
    resolver = new ResolveInFlightCopies(store, leader, followers, clock, absenceWindow);
  }

  /**
   * One pass over copies whose placement is in doubt or not yet sent; called on the event thread only, so it
   * never overlaps a placement in progress. Leader orders whose copies changed are handled again, so what
   * follows from them (a cancel waiting for an order id, an entry beyond an exit) is done.
   */
  void resolveInFlight() {
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
    for (OrderId id : pass.leaderOrdersToReplay()) {
      try {
        leader.order(id).map(order -> LeaderCatchUp.asEvent(order, clock.instant())).ifPresent(this::handle);
      } catch (RuntimeException e) {
        log.atWarn().addKeyValue("leader_order", id).setCause(e).log("leader_order_replay_failed");
      }
    }
  }

  /** Called on the event thread only. */
  void handle(LeaderOrderUpdate update) {
    handle(update, 1);
  }

  private void handle(LeaderOrderUpdate update, int attempt) {
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
    timers.schedule(() -> eventThread.execute(() -> handle(update, attempt + 1)), delay, TimeUnit.MILLISECONDS);
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

  /** Stops new entries for the follower until the end of the day (IST); exits still flow. */
  private void pause(PauseSignal signal) {
    Instant now = clock.instant();
    store.setConfig(pauseKey(signal.follower()), today(now).toString(), now);
    followers = followers.stream().map(this::withStoredPause).toList();
    useFollowers();
    log.atError().addKeyValue("follower", signal.follower()).addKeyValue("reason", signal.reason())
        .log("follower_paused_for_the_day");
  }

  private Follower withStoredPause(Follower follower) {
    AccountId id = follower.settings().account();
    boolean pausedToday = store.config(pauseKey(id)).map(LocalDate::parse)
        .filter(day -> day.equals(today(clock.instant()))).isPresent();
    return pausedToday ? new Follower(follower.settings().withEnabled(false), follower.broker()) : follower;
  }

  private static String pauseKey(AccountId follower) {
    return "follower." + follower + ".paused_on";
  }

  private static LocalDate today(Instant now) {
    return now.atZone(DailyAt.IST).toLocalDate();
  }
}
