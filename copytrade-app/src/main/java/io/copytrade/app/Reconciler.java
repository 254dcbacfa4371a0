package io.copytrade.app;

import io.copytrade.domain.replication.CapitalBook;
import io.copytrade.domain.replication.Follower;
import io.copytrade.domain.replication.PositionCheck;
import io.copytrade.domain.replication.LedgerCheck;
import io.copytrade.domain.replication.ReconcilePositions;
import io.copytrade.domain.replication.Reconciliation;
import io.copytrade.ports.broker.BrokerAccount;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.OrderId;
import io.copytrade.sqlite.SqliteStore;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs position reconciliation for the engine (at start-up, on a schedule, and whenever {@code copytrade
 * reconcile} asks through the database), logs every position it judged, and keeps the day's leader history:
 * the orders that had finished before the engine first ran that day, which were never copied and are not
 * waited for.
 */
final class Reconciler {
  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
  /** Written by {@code copytrade reconcile}; the engine reconciles when it differs from the last one done. */
  static final String REQUEST_KEY = "reconcile_requested_at";
  private static final String DONE_KEY = "reconcile_done_for";
  private static final String HISTORY_KEY = "leader_history.";
  private static final String SCHEDULED = "scheduled";
  private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
      .withZone(DailyAt.IST);

  private final SqliteStore store;
  private final BrokerAccount leader;
  private final Supplier<List<Follower>> followers;
  private final Supplier<Set<OrderId>> busy;
  private final CapitalBook capital;
  private final InstantSource clock;
  private final LedgerCheck ledgerCheck;
  private final Executor reads;

  /**
   * @param followers as the engine treats them now: a follower paused for the day takes no additions, a
   *     stopped one (refused token) is left out
   * @param busy leader orders with events waiting to be handled again
   * @param reads reads every follower's books at once
   */
  Reconciler(SqliteStore store, BrokerAccount leader, Supplier<List<Follower>> followers,
      Supplier<Set<OrderId>> busy, CapitalBook capital, InstantSource clock, Executor reads) {
    this.reads = reads;
    this.store = store;
    this.leader = leader;
    this.followers = followers;
    this.busy = busy;
    this.capital = capital;
    this.clock = clock;
    this.ledgerCheck = new LedgerCheck(store, clock);
  }

  /** Records {@code orders} as today's history: finished before the engine first ran today. */
  void rememberHistory(Set<OrderId> orders) {
    Instant now = clock.instant();
    Set<OrderId> all = new LinkedHashSet<>(history());
    all.addAll(orders);
    store.setConfig(historyKey(now), all.stream().map(OrderId::value).collect(Collectors.joining(",")), now);
  }

  /** Today's history (IST): orders a full catch-up must not copy late, and reconciliation need not wait for. */
  Set<OrderId> history() {
    return store.config(historyKey(clock.instant())).filter(text -> !text.isBlank())
        .map(text -> Arrays.stream(text.split(",")).map(OrderId::of).collect(Collectors.toUnmodifiableSet()))
        .orElse(Set.of());
  }

  /** Asks a running engine (or the next one to start) to reconcile: the {@code reconcile} command. */
  static void request(SqliteStore store, Instant at) {
    store.setConfig(REQUEST_KEY, Long.toString(at.toEpochMilli()), at);
  }

  /** Runs once if a request came since the last run; call on the event thread. */
  void runIfRequested() {
    Optional<String> asked = store.config(REQUEST_KEY);
    if (asked.isEmpty() || asked.equals(store.config(DONE_KEY))) return;
    store.setConfig(DONE_KEY, asked.get(), clock.instant());
    run("on request");
  }

  /** The start-up run; it also answers a request made while the engine was stopped. */
  void runAtStart() {
    store.config(REQUEST_KEY).ifPresent(asked -> store.setConfig(DONE_KEY, asked, clock.instant()));
    run("start-up");
  }

  /**
   * The run on a schedule that brings positions back to their targets without an operator (see
   * {@link ReconcilePositions}); positions in line or still moving are logged only at DEBUG.
   */
  void runOnSchedule() {
    run(SCHEDULED, follower -> true);
  }

  /** As {@link #runOnSchedule()}, for these followers only (see {@link ReconcileTurns}). */
  void runOnSchedule(Set<AccountId> turn) {
    run(SCHEDULED, follower -> turn.contains(follower.settings().account()));
  }

  /** One reconciliation of every follower; call on the event thread, between leader events. */
  Optional<Reconciliation> run(String why) {
    return run(why, follower -> true);
  }

  private Optional<Reconciliation> run(String why, Predicate<Follower> which) {
    Instant now = clock.instant();
    Reconciliation result;
    try {
      result = new ReconcilePositions(store, store, leader, followers.get().stream().filter(which).toList(),
          capital, clock, ledgerCheck, reads).run(RUN_NAME.format(now), history(), busy.get());
    } catch (RuntimeException e) {
      log.atError().addKeyValue("why", why).setCause(e).log("reconciliation_failed");
      return Optional.empty();
    }
    boolean quiet = why.equals(SCHEDULED);
    result.checks().forEach(check -> logCheck(check, quiet));
    result.failures().forEach(f -> log.atError().addKeyValue("follower", f.follower()).setCause(f.error())
        .log("reconciliation_failed"));
    result.ledger().forEach(d -> log.atError().addKeyValue("instrument", d.instrument())
        .addKeyValue("product", d.product()).addKeyValue("ledger", d.ledger()).addKeyValue("broker", d.broker())
        .addKeyValue("reason", d.reason()).log("ledger_difference_alert"));
    boolean nothingDone = result.checks().stream().allMatch(check -> check.outcome() == PositionCheck.Outcome.IN_LINE
        || check.outcome() == PositionCheck.Outcome.DEFERRED) && result.failures().isEmpty();
    (quiet && nothingDone ? log.atDebug() : log.atInfo()).addKeyValue("why", why).addKeyValue("run", result.run())
        .addKeyValue("positions", result.checks().size())
        .addKeyValue("in_line", result.with(PositionCheck.Outcome.IN_LINE).size())
        .addKeyValue("mismatches", result.with(PositionCheck.Outcome.MISMATCH).size())
        .addKeyValue("corrected", result.with(PositionCheck.Outcome.CORRECTED).size())
        .addKeyValue("deferred", result.with(PositionCheck.Outcome.DEFERRED).size())
        .addKeyValue("failed_followers", result.failures().size()).log("reconciliation_done");
    return Optional.of(result);
  }

  private static void logCheck(PositionCheck check, boolean quiet) {
    var line = switch (check.outcome()) {
      case IN_LINE -> quiet ? log.atDebug() : log.atInfo();
      case MISMATCH -> log.atError();
      case CORRECTED -> log.atWarn();
      case DEFERRED -> quiet ? log.atDebug() : log.atWarn();
    };
    line.addKeyValue("follower", check.follower()).addKeyValue("instrument", check.instrument())
        .addKeyValue("product", check.product()).addKeyValue("leader_net", check.leaderNet())
        .addKeyValue("held", check.held())
        .addKeyValue("target", check.target().map(Object::toString).orElse("-"))
        .addKeyValue("orders", check.orders().stream()
            .map(o -> o.side() + " " + o.followerQuantity() + " " + o.state()).collect(Collectors.joining(",")))
        .addKeyValue("detail", check.detail())
        .log(switch (check.outcome()) {
          case IN_LINE -> "position_in_line";
          case MISMATCH -> "position_mismatch_alert";
          case CORRECTED -> "position_corrected";
          case DEFERRED -> "position_check_deferred";
        });
  }

  private static String historyKey(Instant now) {
    return HISTORY_KEY + now.atZone(DailyAt.IST).toLocalDate();
  }
}
