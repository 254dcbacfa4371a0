package io.copytrade.testkit;

import static io.copytrade.testkit.FakeInstruments.NIFTY_27650_CE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.Price;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The live order-update WebSocket (§5): login, order_alert frames, silent drops, UNCONFIRMED switches. */
class OrderUpdateSocketTest {
  @RegisterExtension static final FakeDhanExtension dhan = new FakeDhanExtension();

  /** Every Data field of the reference's table, in the reference's example frame. */
  private static final List<String> DATA_FIELDS = List.of("Exchange", "Segment", "Source", "SecurityId",
      "ClientId", "ExchOrderNo", "OrderNo", "Product", "TxnType", "OrderType", "Validity", "DiscQuantity",
      "DiscQtyRem", "RemainingQuantity", "Quantity", "TradedQty", "Price", "TriggerPrice", "TradedPrice",
      "AvgTradedPrice", "AlgoOrdNo", "OffMktFlag", "OrderDateTime", "ExchOrderTime", "LastUpdatedTime",
      "Remarks", "MktType", "ReasonDescription", "LegNo", "Instrument", "Symbol", "ProductName", "Status",
      "LotSize", "StrikePrice", "ExpiryDate", "OptType", "DisplayName", "Isin", "Series", "GoodTillDaysDate",
      "RefLtp", "TickSize", "AlgoId", "Multiplier", "CorrelationId");
  private static final String TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";

  private FakeAccount leader;

  @BeforeAll
  static void listChain() {
    dhan.instruments().niftyDemoChain();
  }

  @BeforeEach
  void openAccount() {
    dhan.market().price(NIFTY_27650_CE, Price.ofRupees("113.00"));
    leader = dhan.account("1000000001");
  }

  @Test
  void aLoggedInClientHearsTransitPendingAndTradedWithEveryDocumentedField() {
    try (OrderSocketClient socket = OrderSocketClient.loggedIn(dhan.fake(), leader)) {
      OrderId id = leader.places(FakeOrderSpec.buy(NIFTY_27650_CE).quantity(520).limit("112.50")
          .product("MARGIN").correlationId("cp-7f3a-0001"));
      Map<String, Object> transit = socket.nextAlert();
      Map<String, Object> pending = socket.nextAlert();
      dhan.market().price(NIFTY_27650_CE, Price.ofRupees("112.45"));
      Map<String, Object> traded = socket.nextAlert();

      assertThat(List.of(transit, pending, traded)).extracting(a -> a.get("Status"))
          .containsExactly("TRANSIT", "PENDING", "TRADED");
      assertThat(traded.keySet()).containsExactlyElementsOf(DATA_FIELDS);
      assertThat(traded).containsEntry("Exchange", "NSE").containsEntry("Segment", "D")
          .containsEntry("Source", "P").containsEntry("SecurityId", "35191").containsEntry("ClientId", "1000000001")
          .containsEntry("OrderNo", id.value()).containsEntry("Product", "M").containsEntry("TxnType", "B")
          .containsEntry("OrderType", "LMT").containsEntry("Validity", "DAY").containsEntry("Quantity", 520.0)
          .containsEntry("TradedQty", 520.0).containsEntry("RemainingQuantity", 0.0)
          .containsEntry("Price", 112.5).containsEntry("TradedPrice", 112.45)
          .containsEntry("AvgTradedPrice", 112.45).containsEntry("AlgoOrdNo", null)
          .containsEntry("OffMktFlag", "0").containsEntry("MktType", "NL")
          .containsEntry("ReasonDescription", "CONFIRMED").containsEntry("LegNo", 1.0)
          .containsEntry("Instrument", "OPTIDX").containsEntry("Symbol", "NIFTY")
          .containsEntry("ProductName", "MARGIN").containsEntry("LotSize", 65.0)
          .containsEntry("StrikePrice", 27650.0).containsEntry("ExpiryDate", "2026-12-29 14:30:00")
          .containsEntry("OptType", "CE").containsEntry("DisplayName", "NIFTY 29 DEC 27650 CALL")
          .containsEntry("RefLtp", 112.45).containsEntry("TickSize", 0.05).containsEntry("AlgoId", "0")
          .containsEntry("Multiplier", 1.0).containsEntry("CorrelationId", "cp-7f3a-0001");
      assertThat(List.of("OrderDateTime", "ExchOrderTime", "LastUpdatedTime"))
          .allSatisfy(field -> assertThat((String) traded.get(field)).matches(TIME));
      assertThat(transit).containsEntry("ExchOrderNo", "").containsEntry("ExchOrderTime", "0001-01-01 00:00:00");
      socket.assertSilentFor(Duration.ofMillis(100));
    }
  }

  @Test
  void modifyPartialFillCancelAndRejectEachSendAnAlert() {
    try (OrderSocketClient socket = OrderSocketClient.loggedIn(dhan.fake(), leader)) {
      OrderId id = leader.places(FakeOrderSpec.buy(NIFTY_27650_CE).quantity(520).limit("112.50"));
      socket.nextAlert();
      socket.nextAlert();

      leader.modifies(id, FakeOrderSpec.buy(NIFTY_27650_CE).quantity(650).limit("112.60"));
      assertThat(socket.nextAlert()).containsEntry("Status", "PENDING").containsEntry("Quantity", 650.0)
          .containsEntry("Price", 112.6);
      dhan.market().fill(id, 65);
      assertThat(socket.nextAlert()).containsEntry("Status", "PART_TRADED").containsEntry("TradedQty", 65.0);
      leader.cancels(id);
      assertThat(socket.nextAlert()).containsEntry("Status", "CANCELLED").containsEntry("RemainingQuantity", 585.0);

      leader.places(FakeOrderSpec.buy(NIFTY_27650_CE).quantity(100).limit("112.50"));
      socket.nextAlert();
      assertThat(socket.nextAlert()).containsEntry("Status", "REJECTED")
          .hasEntrySatisfying("ReasonDescription", r -> assertThat((String) r).contains("lot size 65"));
    }
  }

  @Test
  void mixedStatusCaseAndPendingPartialFillsAreSwitchable() {
    dhan.settings().statusCase(FakeSettings.StatusCase.MIXED).partialFill(FakeSettings.PartialFill.PENDING);
    try (OrderSocketClient socket = OrderSocketClient.loggedIn(dhan.fake(), leader)) {
      OrderId id = leader.places(FakeOrderSpec.buy(NIFTY_27650_CE).quantity(130).limit("112.50"));
      assertThat(socket.nextAlert()).containsEntry("Status", "Transit");
      assertThat(socket.nextAlert()).containsEntry("Status", "Pending");

      dhan.market().fill(id, 65);
      assertThat(socket.nextAlert()).containsEntry("Status", "Pending").containsEntry("TradedQty", 65.0)
          .containsEntry("Quantity", 130.0);
      dhan.market().fill(id, 65);
      assertThat(socket.nextAlert()).containsEntry("Status", "Traded");

      OrderId other = leader.places(FakeOrderSpec.buy(NIFTY_27650_CE).quantity(65).limit("112.50"));
      socket.nextAlert();
      socket.nextAlert();
      leader.cancels(other);
      assertThat(socket.nextAlert()).containsEntry("Status", "Cancelled");
    }
  }

  @Test
  void camelCaseDuplicatesCanBeAddedAtTheTopOfData() {
    dhan.settings().camelCaseDuplicates(true);
    try (OrderSocketClient socket = OrderSocketClient.loggedIn(dhan.fake(), leader)) {
      leader.places(FakeOrderSpec.buy(NIFTY_27650_CE).quantity(65).limit("112.50"));

      assertThat(List.copyOf(socket.nextAlert().keySet()).subList(0, 7)).containsExactly("series",
          "goodTillDaysDate", "instrumentType", "refLtp", "tickSize", "algoId", "multiplier");
    }
  }

  @Test
  void aBadLoginIsAcceptedThenDroppedWithoutACloseFrame() {
    try (OrderSocketClient wrongToken = OrderSocketClient.login(dhan.fake(), "1000000001", "a.b.c");
        OrderSocketClient wrongClient = OrderSocketClient.login(dhan.fake(), "1000000002", leader.token());
        OrderSocketClient staleToken = OrderSocketClient.login(dhan.fake(), "1000000001", leader.token() + "x")) {
      assertThat(wrongToken.awaitDropWithoutClose()).isNotNull();
      assertThat(wrongClient.awaitDropWithoutClose()).isNotNull();
      assertThat(staleToken.awaitDropWithoutClose()).isNotNull();
    }
  }

  @Test
  void alertsGoOnlyToTheOrdersAccount() {
    FakeAccount follower = dhan.account("1000000002");
    try (OrderSocketClient leaderSocket = OrderSocketClient.loggedIn(dhan.fake(), leader);
        OrderSocketClient followerSocket = OrderSocketClient.loggedIn(dhan.fake(), follower)) {
      leader.places(FakeOrderSpec.buy(NIFTY_27650_CE).quantity(65).limit("112.50"));

      assertThat(leaderSocket.nextAlert()).containsEntry("ClientId", "1000000001");
      followerSocket.assertSilentFor(Duration.ofMillis(200));
    }
  }

  @Test
  void eventsBeforeTheServerTookTheLoginNeverReachTheSocket() {
    dhan.settings().loginLatency(Duration.ofSeconds(2));
    try (OrderSocketClient socket = OrderSocketClient.login(dhan.fake(), leader.id().value(), leader.token())) {
      OrderId unheard = leader.places(FakeOrderSpec.buy(NIFTY_27650_CE).quantity(65).limit("100.00"));
      socket.assertSilentFor(Duration.ofMillis(200));
      leader.awaitOrderSocket(Duration.ofSeconds(5));

      leader.cancels(unheard);

      assertThat(socket.nextAlert()).containsEntry("OrderNo", unheard.value()).containsEntry("Status", "CANCELLED");
    }
  }

  @Test
  void theBrokersClockStampsEveryAlert() {
    dhan.settings().clockOffset(Duration.ofMinutes(-5));
    try (OrderSocketClient socket = OrderSocketClient.loggedIn(dhan.fake(), leader)) {
      leader.places(FakeOrderSpec.buy(NIFTY_27650_CE).quantity(65).limit("100.00"));

      LocalDateTime stamped = LocalDateTime.parse((String) socket.nextAlert().get("LastUpdatedTime"),
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
      Duration behind = Duration.between(stamped, LocalDateTime.now(ZoneId.of("Asia/Kolkata")));
      assertThat(behind).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(5).plusSeconds(5));
    }
  }

  @Test
  void framesLostOnALiveSocketAreNeverSentAndTheSocketStaysOpen() {
    try (OrderSocketClient socket = OrderSocketClient.loggedIn(dhan.fake(), leader)) {
      leader.losesOrderFrames(2);
      OrderId id = leader.places(FakeOrderSpec.buy(NIFTY_27650_CE).quantity(65).limit("112.50"));
      socket.assertSilentFor(Duration.ofMillis(200));

      leader.cancels(id);

      assertThat(socket.nextAlert()).containsEntry("OrderNo", id.value()).containsEntry("Status", "CANCELLED");
      assertThat(leader.orderSocketsListening()).isEqualTo(1);
      assertThatThrownBy(() -> leader.losesOrderFrames(0)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("was 0");
    }
  }

  @Test
  void framesNobodyHearsAreNotTheOnesLost() {
    leader.losesOrderFrames(1);
    OrderId id = leader.places(FakeOrderSpec.buy(NIFTY_27650_CE).quantity(65).limit("112.50"));
    while (!leader.orderBook().get(0).status().equals("PENDING")) Thread.onSpinWait(); // TRANSIT lasts 20 ms
    dhan.fake().orderSockets().awaitPublished();
    try (OrderSocketClient socket = OrderSocketClient.loggedIn(dhan.fake(), leader)) {
      leader.cancels(id);
      leader.places(FakeOrderSpec.buy(NIFTY_27650_CE).quantity(65).limit("112.50"));

      assertThat(socket.nextAlert()).as("the one lost is the first heard: the cancel")
          .containsEntry("Status", "TRANSIT");
    }
  }

  @Test
  void droppingTheAccountsSocketResetsItWithoutACloseFrame() {
    try (OrderSocketClient socket = OrderSocketClient.loggedIn(dhan.fake(), leader)) {
      leader.dropOrderSocket();

      assertThat(socket.awaitDropWithoutClose()).isNotNull();
    }
  }
}
