package io.copytrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.google.inject.Guice;
import com.squareup.moshi.Moshi;
import io.copytrade.app.resilience.ResilienceSettings;
import io.copytrade.dhan.DhanEndpoints;
import io.copytrade.ports.broker.AccessToken;
import io.copytrade.ports.broker.Credentials;
import io.copytrade.ports.broker.TokenSource;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.Price;
import io.copytrade.sqlite.SqliteStore;
import io.copytrade.testkit.FakeAccount;
import io.copytrade.testkit.FakeDhan;
import io.copytrade.testkit.FakeOrder;
import io.copytrade.testkit.FakeOrderSpec;
import io.copytrade.testkit.FakePosition;
import io.copytrade.testkit.RecordedCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.slf4j.LoggerFactory;

/**
 * The whole engine over loopback against one {@link FakeDhan}, with a real SQLite file, for scenario tests:
 * a leader with ₹10,00,000 and followers configured with the same keys a user writes in the followers
 * file. Everything is asserted at the broker (orders, modify and cancel requests, positions) or in the
 * database (stored copies and their reasons). Waits are bounded; "nothing else" is proved either exactly
 * (after the engine reports it handled an event) or over a quiet period.
 */
final class ScenarioDesk implements AutoCloseable {
  /** NIFTY Dec-2026 27650 CE: lot 65, tick 5 paise, freeze 1800. */
  static final InstrumentKey NIFTY_CE = InstrumentKey.of(ExchangeSegment.NSE_FNO, "35191");
  /** A NIFTY option listed with a small freeze quantity (5 lots) so that large copies must be sliced. */
  static final InstrumentKey NIFTY_PE_SMALL_FREEZE = InstrumentKey.of(ExchangeSegment.NSE_FNO, "35192");
  static final int SMALL_FREEZE = 325;
  /** A BANKNIFTY option (lot 30) for positions a follower holds of its own. */
  static final InstrumentKey BANKNIFTY_CE = InstrumentKey.of(ExchangeSegment.NSE_FNO, "51234");
  static final int LOT = 65;
  static final Duration WAIT = Duration.ofSeconds(10);
  /** Long enough for the engine's event thread to have handled anything already sent to it. */
  static final Duration QUIET = Duration.ofMillis(500);

  /** Settings a user writes per follower (see FollowerSettingsReader). */
  static final Map<String, String> CAPITAL_PROPORTIONAL = Map.of();
  static final Map<String, String> QUARTER = Map.of("copy_ratio", "0.25");
  static final Map<String, String> RISK_BASED = Map.of("copy_sizing", "risk_based", "max_position_size_pct", "10");

  /** One follower: its account at the fake and its settings. */
  record Follower(FakeAccount account, Map<String, String> settings) {
    Follower with(String key, String value) {
      Map<String, String> next = new HashMap<>(settings);
      next.put(key, value);
      return new Follower(account, Map.copyOf(next));
    }
  }

  /** One stored copy, as copy_mappings holds it. */
  record StoredCopy(String step, String state, int quantity, String reason, String sizing) {}

  final FakeDhan dhan;
  final FakeAccount leader;
  private final Path database;
  private final List<LeaderOrderUpdate> handled = new CopyOnWriteArrayList<>();
  /** When the engine read the leader's order book on each (re)connect, epoch milliseconds; reads again not. */
  private final List<Long> catchUps = new CopyOnWriteArrayList<>();
  /** How many times the engine read the leader's book, on a connect or again after it. */
  private final AtomicInteger reads = new AtomicInteger();
  private final AppenderBase<ILoggingEvent> catchUpLog = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent event) {
      if (!"leader_catch_up".equals(event.getMessage())) return;
      reads.incrementAndGet();
      if (event.getKeyValuePairs().stream().anyMatch(p -> p.key.equals("after") && "connect".equals(p.value))) {
        catchUps.add(event.getTimeStamp());
      }
    }
  };
  private List<Follower> followers = List.of();
  private CopyEngine engine;

  ScenarioDesk(FakeDhan dhan, Path dir) {
    this.dhan = dhan;
    this.database = dir.resolve("copy.db");
    LocalDate expiry = LocalDate.of(2026, 12, 29);
    dhan.instruments()
        .option(NIFTY_CE, "NIFTY", "NIFTY-Dec2026-27650-CE", LOT, Price.ofPaise(5), expiry,
            Price.ofRupees("27650"), "CE", 1800)
        .option(NIFTY_PE_SMALL_FREEZE, "NIFTY", "NIFTY-Dec2026-27650-PE", LOT, Price.ofPaise(5), expiry,
            Price.ofRupees("27650"), "PE", SMALL_FREEZE)
        .option(BANKNIFTY_CE, "BANKNIFTY", "BANKNIFTY-Dec2026-61000-CE", 30, Price.ofPaise(5), expiry,
            Price.ofRupees("61000"), "CE", 900);
    // Prices survive the fake's reset between tests, so every test starts from the same market.
    dhan.market().price(NIFTY_CE, Price.ofRupees("113.00")).price(NIFTY_PE_SMALL_FREEZE, Price.ofRupees("113.00"))
        .price(BANKNIFTY_CE, Price.ofRupees("300.00"));
    leader = dhan.account("1000000001").funds(Money.ofRupees("1000000"));
    catchUpLog.start();
    engineLogger().addAppender(catchUpLog);
  }

  /** The three strategies most scenarios use; capital proportional sizes 0.5 of the leader. */
  List<Follower> threeFollowers() {
    return List.of(follower("1000000002", "500000", CAPITAL_PROPORTIONAL), follower("1000000003", "250000", QUARTER),
        follower("1000000004", "200000", RISK_BASED));
  }

  Follower follower(String clientId, String fundsRupees, Map<String, String> settings) {
    return new Follower(dhan.account(clientId).funds(Money.ofRupees(fundsRupees)), settings);
  }

  /** Starts the engine for one follower with half the leader's capital, sized capital-proportional. */
  Follower startWithHalf() {
    return startWithHalf(UnaryOperator.identity());
  }

  /** As {@link #startWithHalf()}, with Dhan's standard resilience settings changed by {@code resilience}. */
  Follower startWithHalf(UnaryOperator<ResilienceSettings> resilience) {
    return startWithHalfConfigured(config -> config.withResilience(resilience.apply(config.resilience())));
  }

  /** As {@link #startWithHalf()}, with the engine's configuration changed by {@code adjust}. */
  Follower startWithHalfConfigured(UnaryOperator<EngineConfig> adjust) {
    Follower half = follower("1000000002", "500000", CAPITAL_PROPORTIONAL);
    start(List.of(half), adjust);
    return half;
  }

  /** Starts the engine for these followers and waits until it listens to the leader's orders. */
  void start(List<Follower> configured) {
    start(configured, UnaryOperator.identity());
  }

  private void start(List<Follower> configured, UnaryOperator<EngineConfig> adjust) {
    followers = List.copyOf(configured);
    List<FollowerConfig> configs = followers.stream().map(f -> new FollowerConfig(credentials(f.account()),
        FollowerSettingsReader.read(f.account().id(), new SettingsReader(
            key -> Optional.ofNullable(f.settings().get(key)), key -> "follower." + f.account().id() + "." + key))))
        .toList();
    EngineConfig config = adjust.apply(new EngineConfig(credentials(leader), configs,
        new DhanEndpoints(dhan.restBase(), dhan.orderUpdateSocket(), dhan.instrumentMaster()), database));
    int readsBefore = reads.get();
    engine = Guice.createInjector(new CopytradeModule(config)).getInstance(CopyEngine.class)
        .addListener((update, copies) -> handled.add(update))
        .start();
    leader.awaitOrderSocket(WAIT);
    // Scenarios start once the first catch-up has read the (empty) book, so their orders arrive live.
    awaitUntil("a read of the leader's order book", () -> reads.get() > readsBefore);
  }

  /** Stops the engine as Ctrl-C would; {@link #start} runs a new one on the same database. */
  void stopEngine() {
    engine.close();
  }

  CopyEngine engine() {
    return engine;
  }

  Path database() {
    return database;
  }

  /** Waits for the engine's read of the leader's book on its {@code n}-th connect; answers when it happened. */
  long awaitCatchUp(int n) {
    awaitUntil("catch-up " + n + " of the leader's order book", () -> catchUps.size() >= n);
    return catchUps.get(n - 1);
  }

  /** Waits until the engine has read the leader's book {@code n} times since it was made, connects and again. */
  void awaitBookReads(int n) {
    awaitUntil(n + " reads of the leader's order book", () -> reads.get() >= n);
  }

  /** Sets a key in the store's config before the engine runs, as an operator would. */
  void storeConfig(String key, String value) {
    try (SqliteStore store = SqliteStore.open(database)) {
      store.setConfig(key, value, Instant.now());
    }
  }

  @Override
  public void close() {
    try {
      if (engine != null) engine.close();
    } finally {
      engineLogger().detachAppender(catchUpLog);
    }
  }

  private static Logger engineLogger() {
    return (Logger) LoggerFactory.getLogger(CopyEngine.class);
  }

  // --- the leader's hand ----------------------------------------------------------------------------

  /** A limit buy below the market: it rests. */
  OrderId leaderBuysResting(int quantity) {
    return leader.places(FakeOrderSpec.buy(NIFTY_CE).quantity(quantity).limit("112.50"));
  }

  /** A limit buy above the market, so it (and copies at its price) fill at 113.00; waits until it has. */
  OrderId leaderBuysFilled(InstrumentKey instrument, int quantity) {
    OrderId order = leader.places(FakeOrderSpec.buy(instrument).quantity(quantity).limit("113.50"));
    awaitStatus(leader, order, "TRADED");
    return order;
  }

  /** A limit sell above the market: it rests until {@link #marketTrades} reaches it. */
  OrderId leaderSellsResting(InstrumentKey instrument, int quantity) {
    return leader.places(FakeOrderSpec.sell(instrument).quantity(quantity).limit("114.00"));
  }

  /**
   * Once the leader's resting sell and its copies have reached the exchange, the market touches 114.00 and
   * fills them all, then returns to 113.00.
   */
  void marketTrades(InstrumentKey instrument, OrderId leaderOrder, Collection<FakeOrder> copies) {
    awaitStatus(leader, leaderOrder, "PENDING");
    copies.forEach(o -> awaitStatus(dhan.account(o.account().value()), o.orderId(), "PENDING"));
    dhan.market().price(instrument, Price.ofRupees("114.00")).price(instrument, Price.ofRupees("113.00"));
    awaitStatus(leader, leaderOrder, "TRADED");
    copies.forEach(o -> awaitStatus(dhan.account(o.account().value()), o.orderId(), "TRADED"));
  }

  // --- what the broker saw --------------------------------------------------------------------------

  /** The next {@code quantities.length} orders of the follower, with those quantities, in that order. */
  List<FakeOrder> nextOrders(Follower follower, int... quantities) {
    List<FakeOrder> orders = new ArrayList<>();
    for (int ignored : quantities) orders.add(follower.account().orders().awaitNext(WAIT));
    assertThat(orders).as("orders of %s", follower.account().id()).extracting(FakeOrder::quantity)
        .containsExactly(Arrays.stream(quantities).boxed().toArray(Integer[]::new));
    return orders;
  }

  /** Each follower's next order: the one copy of {@code leaderOrder} at {@code step} with this quantity. */
  Map<Follower, FakeOrder> oneCopyEach(OrderId leaderOrder, String step, int... quantities) {
    Map<Follower, FakeOrder> copies = new LinkedHashMap<>();
    for (int i = 0; i < followers.size(); i++) {
      Follower f = followers.get(i);
      FakeOrder copy = nextOrders(f, quantities[i]).get(0);
      assertThat(copy.correlationId()).as("correlation id of %s", f.account().id())
          .isEqualTo(correlationId(leaderOrder, f, step));
      copies.put(f, copy);
    }
    return copies;
  }

  /** No follower receives another order within the quiet period. */
  void assertNoMoreOrders() {
    assertNoMoreOrders(QUIET);
  }

  void assertNoMoreOrders(Duration quiet) {
    for (int i = 0; i < followers.size(); i++) {
      // One quiet period covers all: the first waits it out, the others are checked at its end.
      followers.get(i).account().orders().assertNoMore(i == 0 ? quiet : Duration.ofMillis(1));
    }
  }

  static String correlationId(OrderId leaderOrder, Follower follower, String step) {
    return CorrelationId.derive(leaderOrder, follower.account().id(), step).value();
  }

  /** The account's order-writing requests with this method (POST, PUT, DELETE under /v2/orders). */
  List<RecordedCall> writes(FakeAccount account, String method) {
    return dhan.requests().stream()
        .filter(c -> c.method().equals(method) && c.path().startsWith("/v2/orders"))
        .filter(c -> c.account().equals(Optional.of(account.id())))
        .toList();
  }

  static FakeOrder bookOrder(FakeAccount account, OrderId id) {
    return account.orderBook().stream().filter(o -> o.orderId().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no order " + id + " in the book of " + account.id()));
  }

  void awaitStatus(FakeAccount account, OrderId id, String status) {
    awaitUntil("order " + id + " of " + account.id() + " is " + status,
        () -> bookOrder(account, id).status().equals(status));
  }

  static int netPosition(FakeAccount account, InstrumentKey instrument) {
    return account.positions().stream().filter(p -> p.instrument().equals(instrument))
        .mapToInt(FakePosition::netQty).sum();
  }

  void awaitPosition(Follower follower, InstrumentKey instrument, int net) {
    awaitUntil(follower.account().id() + " holds " + net, () -> netPosition(follower.account(), instrument) == net);
  }

  /** Waits until the engine has handled (and reported) an event of the leader order matching {@code which}. */
  LeaderOrderUpdate awaitHandled(OrderId leaderOrder, Predicate<LeaderOrderUpdate> which) {
    awaitUntil("the engine handled an event of " + leaderOrder, () -> handled.stream()
        .anyMatch(u -> u.orderId().equals(leaderOrder) && which.test(u)));
    return handled.stream().filter(u -> u.orderId().equals(leaderOrder) && which.test(u)).findFirst().orElseThrow();
  }

  static void awaitUntil(String what, BooleanSupplier condition) {
    if (!Poll.until(WAIT, condition)) throw new AssertionError("waited " + WAIT + " in vain until " + what);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(String body) {
    try {
      return (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class).fromJson(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- what the store holds -------------------------------------------------------------------------

  /** The follower's copies of one leader order, oldest first. */
  List<StoredCopy> storedCopies(OrderId leaderOrder, Follower follower) {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
        PreparedStatement st = db.prepareStatement("SELECT step, state, follower_quantity, reason, sizing"
            + " FROM copy_mappings WHERE leader_order_id = ? AND follower_account_id = ? ORDER BY created_at, step")) {
      st.setString(1, leaderOrder.value());
      st.setString(2, follower.account().id().value());
      List<StoredCopy> copies = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          copies.add(new StoredCopy(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
              rs.getString(5)));
        }
      }
      return copies;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The status of a follower order as the engine last recorded it; empty when it recorded none. */
  Optional<String> storedFollowerOrderStatus(OrderId followerOrder) {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
        PreparedStatement st = db.prepareStatement(
            "SELECT status FROM orders WHERE order_id = ? AND role = 'follower'")) {
      st.setString(1, followerOrder.value());
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The follower's one copy of the leader order. */
  StoredCopy onlyStoredCopy(OrderId leaderOrder, Follower follower) {
    List<StoredCopy> copies = storedCopies(leaderOrder, follower);
    assertThat(copies).as("copies of %s for %s", leaderOrder, follower.account().id()).hasSize(1);
    return copies.get(0);
  }

  Optional<String> storedConfig(String key) {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
        PreparedStatement st = db.prepareStatement("SELECT value FROM config WHERE key = ?")) {
      st.setString(1, key);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Credentials credentials(FakeAccount account) {
    return new Credentials(account.id(), TokenSource.fixed(new AccessToken(account.token())));
  }
}
