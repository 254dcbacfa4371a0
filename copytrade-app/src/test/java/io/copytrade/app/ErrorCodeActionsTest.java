package io.copytrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.google.inject.Guice;
import io.copytrade.app.resilience.ResilienceSettings;
import io.copytrade.dhan.DhanEndpoints;
import io.copytrade.domain.replication.FollowerSettings;
import io.copytrade.domain.sizing.SizingStrategy;
import io.copytrade.ports.broker.AccessToken;
import io.copytrade.ports.broker.Credentials;
import io.copytrade.ports.broker.TokenSource;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.Price;
import io.copytrade.testkit.FakeAccount;
import io.copytrade.testkit.FakeDhanExtension;
import io.copytrade.testkit.FakeOrder;
import io.copytrade.testkit.FakeOrderSpec;
import io.copytrade.testkit.FakeSettings;
import io.copytrade.testkit.RecordedCall;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Every DH code of Dhan's reference (and DH-911, which only third-party notes name), answered to a follower's
 * placement, leads to the action the architecture's error table asks for, end to end: the real engine (Guice,
 * loopback FakeDhan, a SQLite file) with two followers, the one under test ("copier", a quarter of the leader)
 * and a bystander (a half), which must never be held up. Each case is asserted as a user sees it: the
 * copier's orders at the broker, its copy's state and reason in {@code copy_mappings}, the log line, and what
 * becomes of the leader's next order. The table is ERROR-ACTIONS.md's.
 */
class ErrorCodeActionsTest {
  private static final InstrumentKey NIFTY_CE = InstrumentKey.of(ExchangeSegment.NSE_FNO, "35191");
  private static final Duration WAIT = Duration.ofSeconds(10);
  /** Long enough for the engine to have handled anything already sent to it. */
  private static final Duration QUIET = Duration.ofMillis(500);
  /** Shortened from 20 s: how long a copy in doubt must stay invisible at the broker before it is sent again. */
  private static final Duration ABSENCE_WINDOW = Duration.ofSeconds(1);
  private static final String STOPPED = "follower account stopped";

  @RegisterExtension static final FakeDhanExtension FAKE = new FakeDhanExtension();

  @TempDir Path dir;
  private final List<ILoggingEvent> logs = new CopyOnWriteArrayList<>();
  private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent event) {
      logs.add(event);
    }
  };
  private FakeAccount leader;
  private FakeAccount copier;
  private FakeAccount bystander;
  private CopyEngine engine;

  @BeforeEach
  void market() {
    FAKE.instruments().option(NIFTY_CE, "NIFTY", "NIFTY-Dec2026-27650-CE", 65, Price.ofPaise(5),
        LocalDate.of(2026, 12, 29), Price.ofRupees("27650"), "CE", 1800);
    FAKE.market().price(NIFTY_CE, Price.ofRupees("113.00")); // above every limit here: orders rest
    leader = FAKE.account("1000000001").funds(Money.ofRupees("1000000"));
    copier = FAKE.account("1000000002").funds(Money.ofRupees("250000"));
    bystander = FAKE.account("1000000003").funds(Money.ofRupees("500000"));
    appender.start();
    rootLogger().addAppender(appender);
  }

  @AfterEach
  void stop() {
    try {
      if (engine != null) engine.close();
    } finally {
      rootLogger().detachAppender(appender);
    }
  }

  // --- the table --------------------------------------------------------------------------------------

  /** What becomes of the leader's next order for the copier. */
  enum Next {
    /** Copied as usual: the refusal concerned one order. */
    COPIED,
    /** Not sent: the copier's account is stopped until its token changes; SKIPPED with the reason. */
    SKIPPED_ACCOUNT_STOPPED
  }

  /**
   * Dhan's answer to the copier's placement (code, HTTP status, message), and what must follow: the copy's
   * final state, the placements the broker received from the copier and the orders it holds for it, the log
   * line (event, level, and for "copy" the state it shows) naming the copier and the code, and the next order.
   */
  record Row(String code, int status, String message, CopyState state, int posts, int orders, String line,
      Level level, Optional<CopyState> lineState, Next next) {
    @Override
    public String toString() {
      return status + " " + code + " \"" + message + "\" -> " + state + ", " + line;
    }
  }

  static Stream<Row> rows() {
    return Stream.of(
        // Confirmed: 401 Invalid_Authentication. Stop the account, alert once.
        new Row("DH-901", 401, "Client ID or user generated access token is invalid or expired.", CopyState.FAILED,
            1, 0, "follower_account_stopped", Level.ERROR, Optional.empty(), Next.SKIPPED_ACCOUNT_STOPPED),
        // UNCONFIRMED type and status: no trading access. The account, not the order: FAILED, alert.
        new Row("DH-902", 400, "User has not subscribed to Data APIs or does not have access to Trading APIs.",
            CopyState.FAILED, 1, 0, "follower_account_refused", Level.ERROR, Optional.empty(), Next.COPIED),
        // UNCONFIRMED: an account problem (segment not active...). FAILED, alert.
        new Row("DH-903", 400, "Errors related to User's Account.", CopyState.FAILED, 1, 0,
            "follower_account_refused", Level.ERROR, Optional.empty(), Next.COPIED),
        // Confirmed: 429, no Retry-After. Back off (1 s, x2, ±20 %) and send again: placed once; logged only.
        new Row("DH-904", 429, "Too many requests on server from single user breaching rate limits. Try throttling"
            + " API calls.", CopyState.PLACED, 2, 1, "broker_call_retried", Level.WARN, Optional.empty(),
            Next.COPIED),
        // Confirmed: 400 bad input. This order only: REJECTED with the reason.
        new Row("DH-905", 400, "Missing required fields, bad values for parameters etc.", CopyState.REJECTED, 1, 0,
            "copy", Level.INFO, Optional.of(CopyState.REJECTED), Next.COPIED),
        // Confirmed wording: the account's static IP is not whitelisted. Every order would fail: FAILED, alert.
        new Row("DH-905", 400, "Invalid IP", CopyState.FAILED, 1, 0, "follower_account_refused", Level.ERROR,
            Optional.empty(), Next.COPIED),
        // Confirmed: 400 order error. This order only: REJECTED with the reason.
        new Row("DH-906", 400, "Incorrect request for order and cannot be processed.", CopyState.REJECTED, 1, 0,
            "copy", Level.INFO, Optional.of(CopyState.REJECTED), Next.COPIED),
        // Measured: a server-invalidated token answers 400 DH-906 "Invalid Token". As DH-901.
        new Row("DH-906", 400, "Invalid Token", CopyState.FAILED, 1, 0, "follower_account_stopped", Level.ERROR,
            Optional.empty(), Next.SKIPPED_ACCOUNT_STOPPED),
        // UNCONFIRMED status. Says nothing of the order's fate: UNKNOWN, resolved by correlation id, sent again
        // only once the broker showed it absent for the window: placed exactly once.
        new Row("DH-907", 400, "System is unable to fetch data.", CopyState.PLACED, 2, 1, "copy", Level.INFO,
            Optional.of(CopyState.UNKNOWN), Next.COPIED),
        new Row("DH-908", 500, "Server was not able to process API request.", CopyState.PLACED, 2, 1, "copy",
            Level.INFO, Optional.of(CopyState.UNKNOWN), Next.COPIED),
        new Row("DH-909", 502, "Network error where the API was unable to reach the backend.", CopyState.PLACED, 2,
            1, "copy", Level.INFO, Optional.of(CopyState.UNKNOWN), Next.COPIED),
        new Row("DH-910", 400, "Error originating from other reasons.", CopyState.PLACED, 2, 1, "copy", Level.INFO,
            Optional.of(CopyState.UNKNOWN), Next.COPIED),
        // Third-party notes only: invalid IP. As DH-905 "Invalid IP".
        new Row("DH-911", 400, "Invalid IP", CopyState.FAILED, 1, 0, "follower_account_refused", Level.ERROR,
            Optional.empty(), Next.COPIED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void eachDhanCodeOnAFollowersPlacementLeadsToItsAction(Row row) {
    start(fixed(copier));
    FAKE.faults().nextPlace(copier.id()).respond(row.status(), row.code(), row.message());

    OrderId first = leaderBuysResting();
    assertThat(bystander.orders().awaitNext(WAIT).quantity()).isEqualTo(260); // never held up
    awaitUntil("the copier's copy is " + row.state(), () -> state(first).equals(Optional.of(row.state())));

    if (row.orders() == 1) {
      FakeOrder placed = copier.orders().awaitNext(WAIT);
      assertThat(placed.quantity()).isEqualTo(130);
      assertThat(placed.correlationId()).isEqualTo(entryOf(first));
    }
    copier.orders().assertNoMore(QUIET);
    assertThat(copier.orderBook()).hasSize(row.orders());
    assertThat(placements(copier)).hasSize(row.posts());
    if (row.state() == CopyState.FAILED || row.state() == CopyState.REJECTED) {
      assertThat(reason(first)).hasValueSatisfying(
          reason -> assertThat(reason).contains(row.code()).contains(row.message()));
    }
    ILoggingEvent line = awaitLine(row.line(), row.lineState(), row.code());
    assertThat(line.getLevel()).isEqualTo(row.level());
    if (row.lineState().equals(Optional.of(CopyState.UNKNOWN))) {
      awaitLine("copy", Optional.of(CopyState.PLACED), "");
      // Sent again only after the broker had shown no such order for the whole window (the audit log's times).
      assertThat(auditedAt(first, "resend_order") - auditedAt(first, "place_order"))
          .isGreaterThanOrEqualTo(ABSENCE_WINDOW.toMillis());
    }

    OrderId second = leaderBuysResting();
    assertThat(bystander.orders().awaitNext(WAIT).quantity()).isEqualTo(260);
    if (row.next() == Next.COPIED) {
      assertThat(copier.orders().awaitNext(WAIT).correlationId()).isEqualTo(entryOf(second));
      assertThat(placements(copier)).hasSize(row.posts() + 1);
    } else {
      awaitUntil("the copier's next copy is SKIPPED", () -> state(second).equals(Optional.of(CopyState.SKIPPED)));
      assertThat(reason(second)).hasValueSatisfying(
          reason -> assertThat(reason).startsWith(STOPPED + ": ").contains(row.code()).contains(row.message()));
      copier.orders().assertNoMore(QUIET);
      assertThat(placements(copier)).hasSize(row.posts());
    }
    long alerts = lines("follower_account_stopped").count() + lines("follower_account_refused").count();
    assertThat(alerts).as("alerts for the copier, each written once").isEqualTo(row.level() == Level.ERROR ? 1 : 0);
  }

  // --- a cancel refused while the order is in TRANSIT ---------------------------------------------------

  @Test
  void dh906OrderIsInTransitStateOnACancelIsSentAgainUntilTheOrderIsCancelled() {
    start(fixed(copier));
    OrderId order = leaderBuysResting();
    FakeOrder copy = copier.orders().awaitNext(WAIT);
    bystander.orders().awaitNext(WAIT);
    awaitUntil("the copier's order rests", () -> status(copier, copy.orderId()).equals("PENDING"));
    FAKE.faults().nextCall(copier.id(), "DELETE", "/v2/orders/").respond(400, "DH-906", "Order is in Transit state");

    leader.cancels(order);

    awaitUntil("the copier's order is cancelled", () -> status(copier, copy.orderId()).equals("CANCELLED"));
    awaitUntil("the copy is CANCELLED", () -> state(order).equals(Optional.of(CopyState.CANCELLED)));
    assertThat(writes(copier, "DELETE")).hasSize(2);
    ILoggingEvent retry = logs.stream().filter(e -> e.getMessage().equals("leader_event_retry"))
        .filter(e -> order.value().equals(value(e, "leader_order"))).findFirst().orElseThrow();
    assertThat(retry.getLevel()).isEqualTo(Level.WARN);
    assertThat(value(retry, "reason")).isEqualTo("DH-906: Order is in Transit state");
    assertThat(lines("follower_account_stopped").count() + lines("follower_account_refused").count()).isZero();
    assertThat(placements(copier)).hasSize(1);
  }

  // --- a token refused, then rotated ------------------------------------------------------------------

  /**
   * The copier's token dies after start-up (a new one was issued elsewhere): the broker answers it either way
   * Dhan is measured to. The copier is stopped, alone, with one alert; what the leader does meanwhile is not
   * sent for it; once its token file holds the new token it resumes, first bringing its open copy to the
   * leader's order (cancelled meanwhile), then copying the next order.
   */
  @ParameterizedTest
  @EnumSource(FakeSettings.InvalidToken.class)
  void aFollowerWhoseTokenIsRefusedIsStoppedAloneAndResumesWhenItsTokenFileChanges(
      FakeSettings.InvalidToken answer) throws IOException {
    FAKE.settings().invalidToken(answer);
    String code = answer == FakeSettings.InvalidToken.HTTP_401_DH_901 ? "DH-901" : "DH-906";
    Path secrets = Files.createDirectories(dir.resolve("secrets"));
    Path tokenFile = secrets.resolve("copier.token");
    Files.writeString(tokenFile, copier.token());
    String oldToken = copier.token();
    start(new Credentials(copier.id(), TokenFile.open(tokenFile, "FOLLOWER_ACCESS_TOKEN_FILE")));

    OrderId a = leaderBuysResting();
    FakeOrder copyOfA = copier.orders().awaitNext(WAIT);
    FakeOrder bystandersA = bystander.orders().awaitNext(WAIT);
    awaitUntil("the copier's copy of A is placed", () -> state(a).equals(Optional.of(CopyState.PLACED)));

    awaitUntil("the copier's A rests", () -> status(copier, copyOfA.orderId()).equals("PENDING"));
    String renewed = copier.renewToken(); // the engine's token for the copier is dead from now on
    leader.cancels(a);

    ILoggingEvent alert = awaitLine("follower_account_stopped", Optional.empty(), code);
    assertThat(alert.getLevel()).isEqualTo(Level.ERROR);
    awaitUntil("the bystander's A is cancelled", () -> status(bystander, bystandersA.orderId()).equals("CANCELLED"));
    assertThat(status(copier, copyOfA.orderId())).isEqualTo("PENDING"); // its cancel could not be sent

    OrderId b = leaderBuysResting();
    assertThat(bystander.orders().awaitNext(WAIT).correlationId())
        .isEqualTo(CorrelationId.derive(b, bystander.id(), "entry").value());
    awaitUntil("the copier's copy of B is SKIPPED", () -> state(b).equals(Optional.of(CopyState.SKIPPED)));
    assertThat(reason(b)).hasValueSatisfying(reason -> assertThat(reason).startsWith(STOPPED + ": ").contains(code)
        .endsWith("nothing is sent for it until its token changes"));
    copier.orders().assertNoMore(QUIET);
    assertThat(placements(copier)).hasSize(1);

    rotate(tokenFile, renewed);

    ILoggingEvent resumed = awaitLine("follower_account_resumed", Optional.empty(), "");
    assertThat(resumed.getTimeStamp()).isGreaterThan(alert.getTimeStamp());
    awaitUntil("the copier's A is cancelled after it resumed",
        () -> status(copier, copyOfA.orderId()).equals("CANCELLED"));
    OrderId c = leaderBuysResting();
    assertThat(copier.orders().awaitNext(WAIT).correlationId()).isEqualTo(entryOf(c));
    bystander.orders().awaitNext(WAIT);

    copier.orders().assertNoMore(QUIET);
    assertThat(placements(copier)).hasSize(2); // A and C; nothing for B
    assertThat(state(a)).contains(CopyState.CANCELLED);
    assertThat(state(b)).contains(CopyState.SKIPPED);
    assertThat(state(c)).contains(CopyState.PLACED);
    assertThat(lines("follower_account_stopped").count()).isEqualTo(1);
    assertNoTokenLogged(List.of(oldToken, renewed, leader.token(), bystander.token()));
  }

  // --- the engine -------------------------------------------------------------------------------------

  private void start(Credentials copierCredentials) {
    EngineConfig config = new EngineConfig(fixed(leader),
        List.of(new FollowerConfig(copierCredentials, ratio(copier, "0.25")),
            new FollowerConfig(fixed(bystander), ratio(bystander, "0.5"))),
        new DhanEndpoints(FAKE.restBase(), FAKE.fake().orderUpdateSocket(), FAKE.fake().instrumentMaster()),
        dir.resolve("copy.db")).withResilience(ResilienceSettings.standard().withAbsenceWindow(ABSENCE_WINDOW));
    engine = Guice.createInjector(new CopytradeModule(config)).getInstance(CopyEngine.class).start();
    leader.awaitOrderSocket(WAIT);
    // Orders are placed once the first catch-up has read the (empty) book, so they arrive live.
    awaitUntil("the first catch-up", () -> logs.stream().anyMatch(e -> e.getMessage().equals("leader_catch_up")));
  }

  private static FollowerSettings ratio(FakeAccount follower, String ratio) {
    return new FollowerSettings(follower.id(), new SizingStrategy.FixedRatio(new BigDecimal(ratio)), List.of());
  }

  private static Credentials fixed(FakeAccount account) {
    return new Credentials(account.id(), TokenSource.fixed(new AccessToken(account.token())));
  }

  /** Rotates the token as a user would: a new file renamed over the old one, with a later modification time. */
  private static void rotate(Path tokenFile, String token) throws IOException {
    Path next = tokenFile.resolveSibling(tokenFile.getFileName() + ".new");
    Files.writeString(next, token);
    Files.setLastModifiedTime(next, FileTime.from(Instant.now().plusSeconds(5)));
    Files.move(next, tokenFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Eight lots at 112.50, below the market: the copier's copy is two lots, the bystander's four. */
  private OrderId leaderBuysResting() {
    return leader.places(FakeOrderSpec.buy(NIFTY_CE).quantity(8 * 65).limit("112.50"));
  }

  private String entryOf(OrderId leaderOrder) {
    return CorrelationId.derive(leaderOrder, copier.id(), "entry").value();
  }

  // --- what the broker saw ----------------------------------------------------------------------------

  /** The account's placements, counted by the client id they name: a refused token is no account's token. */
  private static List<RecordedCall> placements(FakeAccount account) {
    return writes(account, "POST");
  }

  private static List<RecordedCall> writes(FakeAccount account, String method) {
    return FAKE.fake().requests().stream()
        .filter(c -> c.method().equals(method) && c.path().startsWith("/v2/orders"))
        .filter(c -> account.id().value().equals(c.headers().get("client-id")))
        .toList();
  }

  private static String status(FakeAccount account, OrderId id) {
    return account.orderBook().stream().filter(o -> o.orderId().equals(id)).findFirst().map(FakeOrder::status)
        .orElse("(not in the book)");
  }

  // --- what the store holds ---------------------------------------------------------------------------

  /** The copier's entry copy of the leader order, as copy_mappings holds it. */
  private Optional<CopyState> state(OrderId leaderOrder) {
    return column(leaderOrder, "state").map(CopyState::valueOf);
  }

  private Optional<String> reason(OrderId leaderOrder) {
    return column(leaderOrder, "reason");
  }

  private Optional<String> column(OrderId leaderOrder, String column) {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("copy.db"));
        PreparedStatement st = db.prepareStatement("SELECT " + column + " FROM copy_mappings"
            + " WHERE leader_order_id = ? AND follower_account_id = ? AND step = 'entry'")) {
      st.setString(1, leaderOrder.value());
      st.setString(2, copier.id().value());
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** When the copier's entry copy of the leader order was first audited under {@code action}, epoch ms. */
  private long auditedAt(OrderId leaderOrder, String action) {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("copy.db"));
        PreparedStatement st = db.prepareStatement("SELECT ts FROM audit_log WHERE correlation_id = ?"
            + " AND action = ? ORDER BY id LIMIT 1")) {
      st.setString(1, entryOf(leaderOrder));
      st.setString(2, action);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) throw new AssertionError("no " + action + " audited for " + entryOf(leaderOrder));
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- what the log says ------------------------------------------------------------------------------

  /** Lines of {@code event} naming the copier (as its follower or its account). */
  private Stream<ILoggingEvent> lines(String event) {
    return logs.stream().filter(e -> e.getMessage().equals(event))
        .filter(e -> copier.id().value().equals(value(e, "follower"))
            || copier.id().value().equals(value(e, "account")));
  }

  /**
   * The first line of {@code event} naming the copier, showing {@code state} when given, with {@code mentions}
   * in one of its values.
   */
  private ILoggingEvent awaitLine(String event, Optional<CopyState> state, String mentions) {
    awaitUntil("a log line " + event + " " + state.map(Object::toString).orElse("") + " naming " + copier.id()
        + " and " + mentions, () -> line(event, state, mentions).isPresent());
    return line(event, state, mentions).orElseThrow();
  }

  private Optional<ILoggingEvent> line(String event, Optional<CopyState> state, String mentions) {
    return lines(event)
        .filter(e -> state.isEmpty() || state.get().name().equals(value(e, "state")))
        .filter(e -> e.getKeyValuePairs().stream().anyMatch(kv -> String.valueOf(kv.value).contains(mentions)))
        .findFirst();
  }

  private static String value(ILoggingEvent event, String key) {
    if (event.getKeyValuePairs() == null) return null;
    return event.getKeyValuePairs().stream().filter(kv -> kv.key.equals(key)).findFirst()
        .map(kv -> String.valueOf(kv.value)).orElse(null);
  }

  private void assertNoTokenLogged(List<String> tokens) {
    for (ILoggingEvent event : logs) {
      String line = event.getFormattedMessage() + " " + event.getKeyValuePairs()
          + Optional.ofNullable(event.getThrowableProxy()).map(t -> t.getMessage()).orElse("");
      tokens.stream().filter(Objects::nonNull).forEach(token -> assertThat(line).doesNotContain(token));
    }
  }

  private static void awaitUntil(String what, BooleanSupplier condition) {
    if (!Poll.until(WAIT, condition)) throw new AssertionError("waited " + WAIT + " in vain until " + what);
  }

  private static Logger rootLogger() {
    return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
