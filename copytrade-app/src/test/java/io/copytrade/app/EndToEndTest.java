package io.copytrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.inject.Guice;
import com.squareup.moshi.Moshi;
import io.copytrade.dhan.DhanEndpoints;
import io.copytrade.domain.replication.FollowerSettings;
import io.copytrade.domain.sizing.SizingStrategy;
import io.copytrade.ports.broker.AccessToken;
import io.copytrade.ports.broker.Credentials;
import io.copytrade.ports.broker.TokenSource;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.Price;
import io.copytrade.testkit.FakeAccount;
import io.copytrade.testkit.FakeDhan;
import io.copytrade.testkit.FakeOrder;
import io.copytrade.testkit.FakeOrderSpec;
import io.copytrade.testkit.RecordedCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The whole product over loopback: FakeDhan's real HTTP and WebSocket, a real SQLite file, Guice wiring. */
class EndToEndTest {
  private static final InstrumentKey NIFTY_CE = InstrumentKey.of(ExchangeSegment.NSE_FNO, "35191");

  @TempDir Path dir;
  private FakeDhan dhan;
  private FakeAccount leader;
  private FakeAccount follower;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void startBroker() {
    rootLogger().addAppender(logs);
    logs.start();
    dhan = FakeDhan.start();
    dhan.instruments().option(NIFTY_CE, "NIFTY", "NIFTY-Dec2026-27650-CE", 65, Price.ofPaise(5),
        LocalDate.of(2026, 12, 29), Price.ofRupees("27650"), "CE", 1800);
    dhan.market().price(NIFTY_CE, Price.ofRupees("113.00")); // above the limit: orders rest, no fills
    leader = dhan.account("1000000001").funds(Money.ofRupees("1000000"));
    follower = dhan.account("1000000002").funds(Money.ofRupees("250000"));
  }

  @AfterEach
  void stopBroker() {
    dhan.close();
    rootLogger().detachAppender(logs);
  }

  @Test
  void followerWithAQuarterOfTheCapitalGetsExactlyOneOrderOfTwoLots() throws Exception {
    OrderId leaderOrder;
    try (CopyEngine engine = engine().start()) {
      leaderOrder = leader.places(FakeOrderSpec.buy(NIFTY_CE).quantity(8 * 65).limit("112.50"));

      FakeOrder copy = follower.orders().awaitNext(Duration.ofSeconds(10));
      CorrelationId expectedId = CorrelationId.derive(leaderOrder, follower.id(), "entry");
      assertThat(copy.quantity()).isEqualTo(130);
      assertThat(copy.correlationId()).isEqualTo(expectedId.value());
      assertThat(copy.price()).isEqualTo(Price.ofRupees("112.50"));
      follower.orders().assertNoMore(Duration.ofMillis(500));

      RecordedCall placement = onlyOrderWriteOf(follower);
      assertThat(placement.headers())
          .containsEntry("access-token", follower.token())
          .containsEntry("client-id", "1000000002");
      assertThat(placement.headers().get("content-type")).startsWith("application/json");
      assertThat(json(placement.body())).containsExactlyInAnyOrderEntriesOf(Map.of(
          "dhanClientId", "1000000002",
          "correlationId", expectedId.value(),
          "transactionType", "BUY",
          "exchangeSegment", "NSE_FNO",
          "productType", copy.productType(),
          "orderType", "LIMIT",
          "validity", "DAY",
          "securityId", "35191",
          "quantity", 130.0,
          "price", 112.5));
      assertThat(placement.body()).contains("\"quantity\":130").contains("\"price\":112.5");
      assertThat(orderWrites()).extracting(c -> c.account().orElseThrow())
          .containsExactly(leader.id(), follower.id());
    }

    try (Connection db = database()) {
      assertThat(rows(db, "SELECT leader_order_id, follower_account_id, leader_quantity, follower_quantity,"
          + " state, correlation_id FROM copy_mappings")).containsExactly(List.of(leaderOrder.value(),
          "1000000002", "520", "130", "PLACED",
          CorrelationId.derive(leaderOrder, follower.id(), "entry").value()));
      assertThat(rows(db, "SELECT action FROM audit_log WHERE leader_order_id = '" + leaderOrder + "'"))
          .isNotEmpty();
    }
    assertNoTokenAnywhere();
  }

  @Test
  void aSubLotCopyIsSkippedWithItsReasonAndNothingIsSent() throws Exception {
    try (CopyEngine engine = engine().start()) {
      OrderId leaderOrder = leader.places(FakeOrderSpec.buy(NIFTY_CE).quantity(65).limit("112.50"));

      follower.orders().assertNoMore(Duration.ofSeconds(1));
      try (Connection db = database()) {
        assertThat(rows(db, "SELECT state FROM copy_mappings WHERE leader_order_id = '" + leaderOrder + "'"))
            .containsExactly(List.of("SKIPPED"));
      }
    }
    assertThat(orderWrites()).extracting(c -> c.account().orElseThrow()).containsExactly(leader.id());
  }

  @Test
  void atStartUpOpenLeaderOrdersAreCopiedAndFinishedOnesAreNot() {
    OrderId resting = leader.places(FakeOrderSpec.buy(NIFTY_CE).quantity(8 * 65).limit("112.50"));
    leader.places(FakeOrderSpec.buy(NIFTY_CE).quantity(4 * 65).market()); // fills before the engine runs

    try (CopyEngine engine = engine().start()) {
      FakeOrder copy = follower.orders().awaitNext(Duration.ofSeconds(10));

      assertThat(copy.correlationId())
          .isEqualTo(CorrelationId.derive(resting, follower.id(), "entry").value());
      assertThat(copy.quantity()).isEqualTo(130);
      follower.orders().assertNoMore(Duration.ofMillis(500));
    }
  }

  @Test
  void anOrderFilledWhileTheLeaderSocketWasDownIsCopiedAfterReconnecting() {
    try (CopyEngine engine = engine().start()) {
      leader.places(FakeOrderSpec.buy(NIFTY_CE).quantity(8 * 65).limit("112.50"));
      follower.orders().awaitNext(Duration.ofSeconds(10)); // live path running, first catch-up done

      leader.dropOrderSocket();
      OrderId missed = leader.places(FakeOrderSpec.buy(NIFTY_CE).quantity(4 * 65).market());

      // Only a catch-up after reconnecting copies it: it is TRADED by then, which a first catch-up skips.
      FakeOrder copy = follower.orders().awaitNext(Duration.ofSeconds(15));
      assertThat(copy.correlationId()).isEqualTo(CorrelationId.derive(missed, follower.id(), "entry").value());
      assertThat(copy.quantity()).isEqualTo(65);
      follower.orders().assertNoMore(Duration.ofMillis(500));
    }
  }

  @Test
  void aRefusedLeaderTokenRaisesAnAlertAndANewOneIsTakenFromItsFileWithoutRestart() throws Exception {
    Path secrets = Files.createDirectories(dir.resolve("secrets")); // not scanned for tokens, unlike dir
    Path tokenFile = secrets.resolve("leader.token");
    Files.writeString(tokenFile, leader.token());
    Credentials fromFile = new Credentials(leader.id(), TokenFile.open(tokenFile, "LEADER_ACCESS_TOKEN_FILE"));
    try (CopyEngine engine = engine(fromFile).start()) {
      leader.awaitOrderSocket(Duration.ofSeconds(5));
      // Until a first read of the book succeeds, what finished counts as history from before the engine ran.
      assertThat(awaitLog("leader_catch_up", Duration.ofSeconds(10))).isTrue();
      String renewed = leader.renewToken(); // the engine's token is dead from now on
      leader.dropOrderSocket();
      assertThat(awaitLog("leader_token_refused_alert", Duration.ofSeconds(10))).isTrue();

      Path next = secrets.resolve("leader.token.new");
      Files.writeString(next, renewed);
      Files.setLastModifiedTime(next, FileTime.from(Instant.now().plusSeconds(5)));
      Files.move(next, tokenFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      OrderId order = leader.places(FakeOrderSpec.buy(NIFTY_CE).quantity(4 * 65).market());

      FakeOrder copy = follower.orders().awaitNext(Duration.ofSeconds(20));
      assertThat(copy.correlationId()).isEqualTo(CorrelationId.derive(order, follower.id(), "entry").value());
    }
    assertNoTokenAnywhere();
  }

  private boolean awaitLog(String event, Duration timeout) {
    return Poll.until(timeout, () -> logs.list.stream().anyMatch(e -> e.getFormattedMessage().equals(event)));
  }

  private CopyEngine engine() {
    return engine(credentials(leader));
  }

  private CopyEngine engine(Credentials leaderCredentials) {
    Credentials followerCredentials = credentials(follower);
    EngineConfig config = new EngineConfig(leaderCredentials, List.of(new FollowerConfig(
        followerCredentials, new FollowerSettings(follower.id(), new SizingStrategy.CapitalProportional(),
            List.of()))),
        new DhanEndpoints(dhan.restBase(), dhan.orderUpdateSocket(), dhan.instrumentMaster()),
        dir.resolve("copy.db"));
    return Guice.createInjector(new CopytradeModule(config)).getInstance(CopyEngine.class);
  }

  private static Credentials credentials(FakeAccount account) {
    return new Credentials(account.id(), TokenSource.fixed(new AccessToken(account.token())));
  }

  private List<RecordedCall> orderWrites() {
    return dhan.requests().stream()
        .filter(c -> !c.method().equals("GET") && c.path().startsWith("/v2/orders"))
        .toList();
  }

  private RecordedCall onlyOrderWriteOf(FakeAccount account) {
    List<RecordedCall> writes = orderWrites().stream()
        .filter(c -> c.account().equals(Optional.of(account.id())))
        .toList();
    assertThat(writes).hasSize(1);
    return writes.get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String body) throws IOException {
    return (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class).fromJson(body);
  }

  private Connection database() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("copy.db"));
  }

  private static List<List<String>> rows(Connection db, String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) row.add(rs.getString(i));
        rows.add(row);
      }
    }
    return rows;
  }

  /** Tokens appear in no log line and in no byte of the database or its write-ahead log. */
  private void assertNoTokenAnywhere() throws IOException {
    List<String> tokens = List.of(leader.token(), follower.token());
    assertThat(logs.list).isNotEmpty();
    for (ILoggingEvent event : logs.list) {
      String line = event.getFormattedMessage() + " " + event.getKeyValuePairs()
          + Optional.ofNullable(event.getThrowableProxy()).map(t -> t.getMessage()).orElse("");
      tokens.forEach(token -> assertThat(line).doesNotContain(token));
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        tokens.forEach(token -> assertThat(bytes).as(file.getFileName().toString()).doesNotContain(token));
      }
    }
  }

  private static Logger rootLogger() {
    return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
