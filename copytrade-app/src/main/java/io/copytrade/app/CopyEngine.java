package io.copytrade.app;

import io.copytrade.domain.replication.CapitalBook;
import io.copytrade.domain.replication.Follower;
import io.copytrade.domain.replication.FollowerBookReads;
import io.copytrade.domain.replication.ReconcilePositions;
import io.copytrade.domain.replication.Reconciliation;
import io.copytrade.domain.replication.TrackFollowerOrders;
import io.copytrade.ports.broker.AccountQueries;
import io.copytrade.ports.broker.AuthenticationException;
import io.copytrade.ports.broker.Broker;
import io.copytrade.ports.broker.BrokerAccount;
import io.copytrade.ports.broker.BrokerException;
import io.copytrade.ports.broker.Credentials;
import io.copytrade.ports.broker.LeaderOrderListener;
import io.copytrade.ports.broker.LeaderOrderStream;
import io.copytrade.ports.broker.TokenSource;
import io.copytrade.ports.instrument.InstrumentMaster;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.store.CopyMapping;
import io.copytrade.sqlite.SqliteStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running copier: checks every account's credentials, loads the instrument master, then copies each
 * leader order event to the followers. Events are handled one at a time, in arrival order, on one thread,
 * so the events of one leader order can never overtake each other.
 */
public final class CopyEngine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CopyEngine.class);
  /** Funds move slowly; sizing on a 30 s old figure keeps REST calls off the hot path. */
  private static final Duration CAPITAL_MAX_AGE = Duration.ofSeconds(30);
  /** Well within the age above, so a copy finds its capital read already, never waits for the read. */
  private static final Duration CAPITAL_REFRESH = Duration.ofSeconds(10);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration TOKEN_CHECK_INTERVAL = Duration.ofSeconds(30);
  /** How often placed copies are compared with their orders at the broker (filled, cancelled...). */
  private static final Duration FOLLOWER_TRACKING = Duration.ofSeconds(30);
  private static final Duration IN_FLIGHT_CHECK = Duration.ofSeconds(2);
  /**
   * Dhan acknowledges no login (§5.1): an event sent after the socket opened but before the server took the
   * login reaches neither the socket nor, if the book was read first, the catch-up. The book is read again
   * this long after each connect, when the login has long taken.
   */
  static final Duration CATCH_UP_AGAIN = Duration.ofSeconds(2);
  /**
   * How often each follower's positions are brought back to their targets without an operator (in
   * {@link ReconcileTurns}): what the engine opened beyond a target (a lost response, a crash at the wrong
   * moment) is closed at the next run after the position stops moving.
   */
  static final Duration CONVERGENCE = Duration.ofSeconds(30);
  /** How often the database is looked at for a reconciliation asked by {@code copytrade reconcile}. */
  static final Duration RECONCILE_REQUESTS = Duration.ofSeconds(5);
  /**
   * Dhan publishes the day's instruments early; 08:00 IST is before the market opens. Positions carried into
   * the day are read then too: when Dhan rolls the day's positions into carried ones overnight is UNCONFIRMED,
   * so they are not read at midnight.
   */

  private final EngineConfig config;
  private final Broker broker;
  private final LeaderOrderStream stream;
  private final InstrumentMaster master;
  private final SqliteStore store;
  private final InstantSource clock;
  private final List<AutoCloseable> owned;
  private final CrashPoints crash;
  private final List<CopyListener> listeners = new CopyOnWriteArrayList<>();
  /** Leader events, catch-ups and resolution passes run here one at a time, in order. */
  private final ExecutorService events = Executors.newSingleThreadExecutor(daemon("copytrade-events"));
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(daemon("copytrade-timers"));
  /** One follower's slow broker never holds up another's copy. */
  private final ExecutorService fanOut = Executors.newCachedThreadPool(daemon("copytrade-follower"));
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean connectedBefore = new AtomicBoolean();
  /** Whether no leader event reached this database earlier today (IST): the book's finished orders are history. */
  private boolean firstStartToday;
  /** Whether a catch-up has read the leader's book since this start; touched on the event thread only. */
  private boolean caughtUp;
  /** Open once the first catch-up has handled what the leader did before the socket (see {@link #awaitReady}). */
  private final CountDownLatch ready = new CountDownLatch(1);
  private long startedNanos;
  private final AtomicReference<Instant> lastTokenCheck = new AtomicReference<>();
  private BrokerAccount leaderAccount;
  private LeaderEvents leaderEvents;
  private LeaderCatchUp catchUp;
  private CarriedForward carriedForward;
  private Reconciler reconciler;
  private LeaderOrderStream.Subscription subscription;
  /** Each follower's own order-update socket: its fills as they happen. */
  private final List<LeaderOrderStream.Subscription> followerSockets = new CopyOnWriteArrayList<>();
  private FollowerFrames followerFrames;
  private FollowerBookReads bookReads;

  /** {@code owned} are closed, in order, after the engine stops (broker clients, the store). */
  public CopyEngine(EngineConfig config, Broker broker, LeaderOrderStream stream, InstrumentMaster master,
      SqliteStore store, InstantSource clock, List<AutoCloseable> owned) {
    this(config, broker, stream, master, store, clock, owned, CrashPoints.NONE);
  }

  CopyEngine(EngineConfig config, Broker broker, LeaderOrderStream stream, InstrumentMaster master,
      SqliteStore store, InstantSource clock, List<AutoCloseable> owned, CrashPoints crash) {
    this.crash = crash;
    this.config = config;
    this.broker = broker;
    this.stream = stream;
    this.master = master;
    this.store = store;
    this.clock = clock;
    this.owned = List.copyOf(owned);
  }

  private static ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  public CopyEngine addListener(CopyListener listener) {
    listeners.add(listener);
    return this;
  }

  /** Checks credentials, refreshes instruments and subscribes to the leader's orders. */
  public CopyEngine start() {
    startedNanos = System.nanoTime();
    // Each account's check is a round trip to the broker: asked all at once, not one after another.
    Future<BrokerAccount> leaderCheck = fanOut.submit(() -> checkedAccount("leader", config.leader()));
    List<Future<Follower>> followerChecks = config.followers().stream()
        .map(f -> fanOut.submit(() -> new Follower(f.settings(),
            crash.account(checkedAccount("follower", f.credentials())))))
        .toList();
    BrokerAccount leader = checked(leaderCheck);
    leaderAccount = leader;
    List<Follower> followers = followerChecks.stream().map(CopyEngine::checked).toList();
    new InstrumentRefresh(master, store, clock).ifStale();
    scheduleInstrumentRefresh();
    CapitalBook capital = new CapitalBook(clock, CAPITAL_MAX_AGE);
    Map<AccountId, TokenSource> tokens = config.followers().stream()
        .collect(Collectors.toMap(f -> f.credentials().account(), f -> f.credentials().tokens()));
    leaderEvents = new LeaderEvents(crash.store(store), store, leader, followers, tokens, capital, clock, fanOut,
        events, timers, listeners, config.resilience().absenceWindow());
    timers.scheduleWithFixedDelay(() -> refreshCapital(capital, leader), 0, CAPITAL_REFRESH.toMillis(),
        TimeUnit.MILLISECONDS);
    reconciler = new Reconciler(store, leader, leaderEvents::active, leaderEvents::retrying, capital, clock,
        fanOut);
    // Before anything below can handle a leader event and so make today a day the engine ran.
    firstStartToday = !ranToday();
    // Copies a crash left in doubt are settled before the first catch-up, then checked again every 2 s.
    events.execute(leaderEvents::resolveInFlight);
    timers.scheduleWithFixedDelay(() -> events.execute(leaderEvents::resolveInFlight),
        IN_FLIGHT_CHECK.toMillis(), IN_FLIGHT_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    catchUp = new LeaderCatchUp(leader, clock);
    carriedForward = new CarriedForward(store, leader, config.leader().account(), leaderEvents::active, clock);
    // Follower order statuses are refreshed from their books before anything is judged against them.
    List<AccountId> accounts = followers.stream().map(f -> f.settings().account()).toList();
    bookReads = new FollowerBookReads(accounts, config.followerBookEvery(), clock.instant());
    timers.execute(this::trackFollowerOrders);
    // Often enough that a follower whose socket went down is read within 30 s, and each within a tenth of `every`.
    long trackingMillis =
        Math.min(FOLLOWER_TRACKING.toMillis(), config.followerBookEvery().dividedBy(10).toMillis());
    timers.scheduleWithFixedDelay(this::trackFollowerOrders, trackingMillis, trackingMillis, TimeUnit.MILLISECONDS);
    ReconcileTurns turns = new ReconcileTurns(accounts);
    timers.scheduleWithFixedDelay(() -> events.execute(() -> {
      if (caughtUp) reconciler.runOnSchedule(turns.next());
    }), turns.period(CONVERGENCE).toMillis(), turns.period(CONVERGENCE).toMillis(), TimeUnit.MILLISECONDS);
    timers.scheduleWithFixedDelay(() -> events.execute(reconciler::runIfRequested),
        RECONCILE_REQUESTS.toMillis(), RECONCILE_REQUESTS.toMillis(), TimeUnit.MILLISECONDS);
    followerFrames = new FollowerFrames(new TrackFollowerOrders(store, List.of(), clock), events,
        CopyEngine::logCopyStatus, bookReads::missed);
    config.followers().forEach(f -> followerSockets.add(
        stream.subscribe(f.credentials(), new FollowerListener(f.credentials().account()))));
    subscription = stream.subscribe(config.leader(), new Listener());
    log.atInfo().addKeyValue("leader", config.leader().account())
        .addKeyValue("followers", followers.size()).log("engine_started");
    return this;
  }

  /** Off the event thread; a failed read leaves the last figure, and a copy that finds it stale reads it. */
  private void refreshCapital(CapitalBook capital, BrokerAccount leader) {
    List<AccountQueries> accounts = new ArrayList<>();
    accounts.add(leader);
    leaderEvents.active().forEach(follower -> accounts.add(follower.broker()));
    for (AccountQueries account : accounts) {
      try {
        capital.refresh(account);
      } catch (RuntimeException e) {
        log.atWarn().addKeyValue("problem", e.getMessage()).log("capital_refresh_failed");
      }
    }
  }

  private void scheduleInstrumentRefresh() {
    Duration wait = InstrumentRefresh.PUBLISHED.untilNext(clock.instant());
    timers.schedule(() -> {
      try {
        new InstrumentRefresh(master, store, clock).run();
      } catch (RuntimeException e) {
        // Yesterday's lot sizes stay in the store; a stale master is better than none.
        log.atError().setCause(e).log("instrument_master_refresh_failed");
      }
      // An engine left running overnight meets the new day here, not at a reconnect: what each account carried
      // into it is read now, before the market opens, so the day's exits are sized from it.
      events.execute(this::recordCarriedForward);
      scheduleInstrumentRefresh();
    }, wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void recordCarriedForward() {
    try {
      carriedForward.recordToday();
    } catch (RuntimeException e) {
      // The next catch-up (every reconnect) tries again.
      log.atError().setCause(e).log("carried_forward_read_failed");
    }
  }

  /** The books of the followers whose socket may have missed something ({@link FollowerBookReads}). */
  private void trackFollowerOrders() {
    track(bookReads.due(clock.instant()));
  }

  /** One follower's orders from its book, after its socket (re)connected. */
  private void trackFollowerOrders(AccountId follower) {
    bookReads.now(follower).ifPresent(read -> track(List.of(read)));
  }

  /**
   * The safety net under the followers' sockets: their books are read and compared with the store here, off
   * the event thread, and what differs is applied on it, between leader events, to the copies as they stand
   * then. A read counts as done once applied; followers stopped for a refused token are not asked (their
   * broker would refuse every question).
   */
  private void track(List<FollowerBookReads.Read> reads) {
    Set<AccountId> asked = reads.stream().map(FollowerBookReads.Read::follower).collect(Collectors.toSet());
    List<Follower> followers = leaderEvents.active().stream()
        .filter(f -> asked.contains(f.settings().account())).toList();
    if (followers.isEmpty()) return;
    try {
      TrackFollowerOrders tracking = new TrackFollowerOrders(store, followers, clock);
      TrackFollowerOrders.Pass pass = tracking.read();
      Instant readAt = clock.instant();
      events.execute(() -> {
        try {
          tracking.apply(pass.changes()).forEach(CopyEngine::logCopyStatus);
          reads.stream().filter(read -> !pass.unread().contains(read.follower()))
              .forEach(read -> bookReads.done(read, readAt));
        } catch (RuntimeException e) {
          log.atWarn().setCause(e).log("follower_tracking_failed");
        }
      });
    } catch (RuntimeException e) {
      log.atWarn().setCause(e).log("follower_tracking_failed");
    }
  }

  private static void logCopyStatus(CopyMapping copy) {
    log.atInfo().addKeyValue("leader_order", copy.leaderOrderId()).addKeyValue("follower", copy.follower())
        .addKeyValue("step", copy.step()).addKeyValue("state", copy.state()).log("copy_status");
  }

  private void checkLeaderToken() {
    try {
      leaderAccount.profile();
    } catch (AuthenticationException e) {
      log.atError().addKeyValue("account", config.leader().account()).addKeyValue("problem", e.getMessage())
          .log("leader_token_refused_alert");
    } catch (BrokerException e) {
      log.atWarn().addKeyValue("problem", e.getMessage()).log("leader_token_check_failed");
    }
  }

  private static <T> T checked(Future<T> check) {
    try {
      return check.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failed) throw failed;
      throw new EngineStartException("an account check failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineStartException("interrupted while checking the accounts", e);
    }
  }

  /**
   * Waits until the engine is ready: its leader socket connected and the first catch-up has handled what the
   * leader did before it (and positions were reconciled). Returns false when that did not happen in time.
   */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private BrokerAccount checkedAccount(String role, Credentials credentials) {
    BrokerAccount account = broker.account(credentials);
    try {
      var profile = account.profile();
      log.atInfo().addKeyValue("role", role).addKeyValue("account", credentials.account())
          .addKeyValue("token_validity", profile.tokenValidity()).log("credentials_ok");
      return account;
    } catch (BrokerException e) {
      throw new EngineStartException("the " + role + " account " + credentials.account()
          + " could not be used: " + e.getMessage(), e);
    }
  }

  /**
   * Whether this database saw leader events earlier today (IST): then the engine was interrupted, and the
   * day's finished leader orders may be ones it missed rather than history from before it started.
   */
  private boolean ranToday() {
    return store.config(LeaderEvents.LAST_EVENT_KEY).map(Long::parseLong).map(Instant::ofEpochMilli)
        .map(last -> last.atZone(DailyAt.IST).toLocalDate()
            .equals(clock.instant().atZone(DailyAt.IST).toLocalDate()))
        .orElse(false);
  }

  /**
   * Reads the leader's book and handles what it shows. Until one read has succeeded since this start, a first
   * start of the day leaves the book's finished orders as history, and once it has, positions are reconciled:
   * a first read that fails leaves both to the next, never to a read that would copy the morning hours late.
   *
   * @param after what the read follows: {@code connect}, or {@code login} for the read again
   */
  private void catchUp(String after) {
    try {
      LeaderCatchUp.Catch missed = catchUp.read(firstStartToday && !caughtUp, reconciler.history());
      carriedForward.recordToday();
      // History is stored, never copied: its fills are the leader's position that later exits are sized from.
      Instant now = clock.instant();
      missed.history().forEach(order -> store.recordLeaderEvent(order, now));
      if (!missed.history().isEmpty()) reconciler.rememberHistory(missed.historyIds());
      log.atInfo().addKeyValue("after", after).addKeyValue("orders", missed.events().size())
          .addKeyValue("history", missed.history().size()).log("leader_catch_up");
      missed.events().forEach(leaderEvents::handle);
    } catch (RuntimeException e) {
      // The next read (again after the login, or after a reconnect) catches up; live events keep flowing.
      log.atError().setCause(e).log("leader_catch_up_failed");
      return;
    }
    if (!caughtUp) {
      caughtUp = true;
      // Once the first catch-up has copied what was missed, positions can be judged.
      reconciler.runAtStart();
      ready.countDown();
      log.atInfo().addKeyValue("millis", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos))
          .log("engine_ready");
    } else if (after.equals("connect")) {
      // After a dropped socket: the ledger is held against the broker's positions at once, not in 30 s.
      reconciler.runOnSchedule();
    }
  }

  /**
   * Compares every follower's positions with their targets now, on the event thread between leader events,
   * and acts by each follower's policy (see {@link ReconcilePositions}). Empty when it could not run.
   */
  public Future<Optional<Reconciliation>> reconcile() {
    if (reconciler == null) throw new IllegalStateException("the engine reconciles once started");
    return events.submit(() -> reconciler.run("on demand"));
  }

  /** Stops taking events, finishes the ones in hand, then closes the socket, clients and store. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) return;
    if (subscription != null) subscription.close();
    followerSockets.forEach(LeaderOrderStream.Subscription::close);
    timers.shutdownNow();
    events.shutdown();
    try {
      if (!events.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("engine_drain_timeout");
      }
      fanOut.shutdown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (AutoCloseable resource : owned) {
      try {
        resource.close();
      } catch (Exception e) {
        log.atWarn().addKeyValue("resource", resource.getClass().getSimpleName()).setCause(e)
            .log("close_failed");
      }
    }
    log.info("engine_stopped");
  }

  /**
   * A follower's own order updates: its copies' fills, recorded as they happen on the event thread, between
   * leader events ({@link FollowerFrames}), so the ledger that sizes the next exit has them. A (re)connect reads
   * the follower books again, for frames sent while the socket was down. A follower's own orders are not touched.
   */
  private final class FollowerListener implements LeaderOrderListener {
    private final AccountId follower;

    FollowerListener(AccountId follower) {
      this.follower = follower;
    }

    @Override
    public void onOrderUpdate(LeaderOrderUpdate update) {
      followerFrames.add(new TrackFollowerOrders.Frame(follower, update.asBrokerOrder()));
    }

    @Override
    public void onConnected() {
      log.atInfo().addKeyValue("follower", follower).log("follower_stream_connected");
      bookReads.connected(follower);
      timers.execute(() -> trackFollowerOrders(follower));
    }

    @Override
    public void onDisconnected(String reason) {
      bookReads.disconnected(follower);
      log.atWarn().addKeyValue("follower", follower).addKeyValue("reason", reason)
          .log("follower_stream_disconnected");
    }

    @Override
    public void onMalformedFrame(String problem) {
      bookReads.missed(follower);
      log.atWarn().addKeyValue("follower", follower).addKeyValue("problem", problem).log("follower_frame_malformed");
    }
  }

  private final class Listener implements LeaderOrderListener {
    @Override
    public void onOrderUpdate(LeaderOrderUpdate update) {
      events.execute(() -> leaderEvents.handle(update));
    }

    /** Queued behind live events already received, so the book is read after them, in order. */
    @Override
    public void onConnected() {
      boolean first = !connectedBefore.getAndSet(true);
      log.atInfo().addKeyValue("first", first).log("leader_stream_connected");
      events.execute(() -> catchUp("connect"));
      timers.schedule(() -> events.execute(() -> catchUp("login")), CATCH_UP_AGAIN.toMillis(),
          TimeUnit.MILLISECONDS);
    }

    /**
     * Dhan's socket takes a bad token and then drops the connection without a word, so every drop is
     * followed by a token check over REST (at most one per half minute), off the socket's thread.
     */
    @Override
    public void onDisconnected(String reason) {
      log.atWarn().addKeyValue("reason", reason).log("leader_stream_disconnected");
      Instant now = clock.instant();
      Instant last = lastTokenCheck.get();
      if (last == null || Duration.between(last, now).compareTo(TOKEN_CHECK_INTERVAL) >= 0) {
        lastTokenCheck.set(now);
        timers.execute(CopyEngine.this::checkLeaderToken);
      }
    }

    @Override
    public void onMalformedFrame(String problem) {
      log.atWarn().addKeyValue("problem", problem).log("leader_frame_malformed");
    }
  }
}
