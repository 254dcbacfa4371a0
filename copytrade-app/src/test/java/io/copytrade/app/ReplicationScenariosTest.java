package io.copytrade.app;

import static io.copytrade.app.ScenarioDesk.BANKNIFTY_CE;
import static io.copytrade.app.ScenarioDesk.CAPITAL_PROPORTIONAL;
import static io.copytrade.app.ScenarioDesk.LOT;
import static io.copytrade.app.ScenarioDesk.NIFTY_CE;
import static io.copytrade.app.ScenarioDesk.NIFTY_PE_SMALL_FREEZE;
import static io.copytrade.app.ScenarioDesk.QUARTER;
import static io.copytrade.app.ScenarioDesk.RISK_BASED;
import static io.copytrade.app.ScenarioDesk.SMALL_FREEZE;
import static io.copytrade.app.ScenarioDesk.bookOrder;
import static io.copytrade.app.ScenarioDesk.correlationId;
import static io.copytrade.app.ScenarioDesk.json;
import static io.copytrade.app.ScenarioDesk.netPosition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.copytrade.app.ScenarioDesk.Follower;
import io.copytrade.app.ScenarioDesk.StoredCopy;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.Price;
import io.copytrade.testkit.FakeDhanExtension;
import io.copytrade.testkit.FakeOrder;
import io.copytrade.testkit.FakeOrderSpec;
import io.copytrade.testkit.RecordedCall;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One behaviour per test, end to end: the real engine over loopback HTTP and WebSocket against FakeDhan,
 * a real SQLite file, three followers with different strategies. Each test asserts exactly the follower
 * orders the broker received, and nothing else.
 *
 * <p>Unless a test says otherwise the leader has ₹10,00,000 and the followers are: capital proportional
 * with ₹5,00,000 (0.5 of the leader), a fixed ratio of 0.25, and risk based at 10 % of ₹2,00,000 (two lots
 * at a premium of about 112). Lots are 65 NIFTY contracts; the market stands at 113.00.
 */
class ReplicationScenariosTest {
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  @RegisterExtension static final FakeDhanExtension FAKE = new FakeDhanExtension();

  @TempDir Path dir;
  private ScenarioDesk desk;
  private Follower capital;
  private Follower quarter;
  private Follower risk;

  @BeforeEach
  void desk() {
    desk = new ScenarioDesk(FAKE.fake(), dir);
    List<Follower> three = desk.threeFollowers();
    capital = three.get(0);
    quarter = three.get(1);
    risk = three.get(2);
  }

  @AfterEach
  void stopEngine() {
    desk.close();
  }

  // --- 1. modify --------------------------------------------------------------------------------------

  @Test
  void aModifiedLeaderOrderModifiesEachCopyToItsOwnTotalAndTheNewPrice() {
    Resting resting = eightLotsRestingWithACopyEach();
    OrderId order = resting.order();
    Map<Follower, FakeOrder> copies = resting.copies();

    desk.leader.modifies(order, FakeOrderSpec.buy(NIFTY_CE).quantity(12 * LOT).limit("112.00"));

    // 0.5 and 0.25 of 780; risk based sizes by premium alone: 20,000 / (112.00 x 65) is still 2 lots.
    Map<Follower, Integer> totals = Map.of(capital, 6 * LOT, quarter, 3 * LOT, risk, 2 * LOT);
    copies.forEach((f, copy) -> {
      ScenarioDesk.awaitUntil("a modification of " + f.account().id(),
          () -> !desk.writes(f.account(), "PUT").isEmpty());
      RecordedCall put = desk.writes(f.account(), "PUT").get(0);
      assertThat(put.path()).isEqualTo("/v2/orders/" + copy.orderId());
      // Dhan's modify takes the order's new total quantity, not the difference.
      assertThat(json(put.body())).containsEntry("orderId", copy.orderId().value())
          .containsEntry("orderType", "LIMIT")
          .containsEntry("quantity", (double) totals.get(f))
          .containsEntry("price", 112.0);
      // The fake records a call as it arrives, and applies it a moment later.
      ScenarioDesk.awaitUntil("the modification applied at " + f.account().id(),
          () -> bookOrder(f.account(), copy.orderId()).quantity() == totals.get(f));
      FakeOrder modified = bookOrder(f.account(), copy.orderId());
      assertThat(modified.price()).isEqualTo(Price.ofRupees("112.00"));
      assertThat(modified.status()).isEqualTo("PENDING");
    });
    desk.assertNoMoreOrders();
    assertWrites(copies.keySet(), 1, 1, 0);
  }

  // --- 2. cancel --------------------------------------------------------------------------------------

  @Test
  void aCancelledLeaderOrderCancelsEachCopyAndNothingElse() {
    Resting resting = eightLotsRestingWithACopyEach();
    OrderId order = resting.order();
    Map<Follower, FakeOrder> copies = resting.copies();

    desk.leader.cancels(order);

    desk.awaitHandled(order, update -> update.status() == OrderStatus.CANCELLED);
    copies.forEach((f, copy) -> {
      assertThat(bookOrder(f.account(), copy.orderId()).status()).isEqualTo("CANCELLED");
      assertThat(desk.writes(f.account(), "DELETE")).extracting(RecordedCall::path)
          .containsExactly("/v2/orders/" + copy.orderId());
      assertThat(desk.onlyStoredCopy(order, f).state()).isEqualTo("CANCELLED");
    });
    desk.assertNoMoreOrders();
    assertWrites(copies.keySet(), 1, 0, 1);
  }

  /**
   * Dhan stamps order changes to the second: a live cancel in the same second as a catch-up (after every
   * reconnect) must not count as older than the book's reconstruction of the order.
   */
  @Test
  void aLeaderCancelInTheSameSecondAsACatchUpIsStillCopied() {
    Resting resting = eightLotsRestingWithACopyEach();
    OrderId order = resting.order();
    Map<Follower, FakeOrder> copies = resting.copies();
    desk.leader.dropOrderSocket();
    long catchUp = desk.awaitCatchUp(2);

    desk.leader.cancels(order);
    long cancelled = System.currentTimeMillis();

    assumeTrue(cancelled / 1000 == catchUp / 1000, "the cancel fell in the second after the catch-up's");
    copies.forEach((f, copy) -> desk.awaitStatus(f.account(), copy.orderId(), "CANCELLED"));
  }

  /**
   * Dhan acknowledges no login: a cancel sent after the engine reconnected and read the book, but before the
   * server took its login, reaches the engine neither live nor by that catch-up; the read again does.
   */
  @Test
  void aLeaderCancelBeforeTheServerTookTheLoginIsCopiedByTheReadAgain() {
    Resting resting = eightLotsRestingWithACopyEach();
    OrderId order = resting.order();
    Map<Follower, FakeOrder> copies = resting.copies();
    FAKE.settings().loginLatency(Duration.ofSeconds(1));
    desk.leader.dropOrderSocket();
    desk.awaitCatchUp(2);

    desk.leader.cancels(order);

    assumeTrue(desk.leader.orderSocketsListening() == 0, "the cancel came after the server took the login");
    copies.forEach((f, copy) -> desk.awaitStatus(f.account(), copy.orderId(), "CANCELLED"));
    desk.assertNoMoreOrders();
  }

  /**
   * The engine's clock is never exactly Dhan's. With Dhan's 5 s behind, a catch-up stamped by the engine's
   * clock would make every live change for 5 s after it look older, and drop it: a catch-up takes the
   * book's own time of each order's last change.
   */
  @Test
  void aLeaderModifyStampedByAClockBehindTheEnginesIsCopiedAfterACatchUp() {
    FAKE.settings().clockOffset(Duration.ofSeconds(-5));
    Resting resting = eightLotsRestingWithACopyEach();
    OrderId order = resting.order();
    Map<Follower, FakeOrder> copies = resting.copies();
    desk.leader.dropOrderSocket();
    long reconnected = desk.awaitCatchUp(2);
    // Past the read again, so the live frame alone carries the modify.
    ScenarioDesk.awaitUntil("the read again after the reconnect",
        () -> System.currentTimeMillis() > reconnected + CopyEngine.CATCH_UP_AGAIN.toMillis() + 500);

    desk.leader.modifies(order, FakeOrderSpec.buy(NIFTY_CE).quantity(8 * LOT).limit("112.00"));

    copies.forEach((f, copy) -> ScenarioDesk.awaitUntil("the copy of " + f.account().id() + " at 112.00",
        () -> bookOrder(f.account(), copy.orderId()).price().equals(Price.ofRupees("112.00"))));
    desk.assertNoMoreOrders();
  }

  // --- 3. rejected after it was accepted ----------------------------------------------------------------

  @Test
  void aLeaderOrderRejectedAfterAcceptanceHasItsOpenCopiesCancelled() {
    desk.start(List.of(capital, quarter, risk));
    // Not a whole number of lots: Dhan takes it (TRANSIT), then its RMS rejects it.
    OrderId order = desk.leaderBuysResting(8 * LOT + 5);
    Map<Follower, FakeOrder> copies = desk.oneCopyEach(order, "entry", 260, 130, 130);
    desk.awaitStatus(desk.leader, order, "REJECTED");

    copies.forEach((f, copy) -> {
      desk.awaitStatus(f.account(), copy.orderId(), "CANCELLED");
      // A cancel refused while the copy was still in TRANSIT may be sent again, but only for this order.
      assertThat(desk.writes(f.account(), "DELETE")).isNotEmpty().extracting(RecordedCall::path)
          .containsOnly("/v2/orders/" + copy.orderId());
    });
    desk.assertNoMoreOrders();
    copies.keySet().forEach(f -> {
      assertThat(desk.writes(f.account(), "POST")).hasSize(1);
      assertThat(desk.writes(f.account(), "PUT")).isEmpty();
    });
  }

  // --- 4. partial fills in FILLS mode ---------------------------------------------------------------------

  @Test
  void inFillsModeOnlyWhatFilledIsCopiedAndTheRemainderIsCarriedToTheExactTotal() {
    Follower halfByFills = capital.with("copy_mode", "fills");
    Follower quarterByFills = quarter.with("copy_mode", "fills");
    desk.start(List.of(halfByFills, quarterByFills, risk));
    OrderId order = desk.leaderBuysResting(8 * LOT);
    FakeOrder mirrored = desk.nextOrders(risk, 130).get(0); // ORDERS mode copies the resting order at once
    desk.awaitStatus(desk.leader, order, "PENDING");

    // Leader fills 65, 65, 130, 260. Targets are floor(ratio x cumulative) in lots, never rounded per fill:
    // 0.5 -> 0, 65, 130, 260 and 0.25 -> 0, 0, 65, 130; each order is the step up, at market.
    int[][] fills = {{65, 0, 0}, {65, 65, 0}, {130, 65, 65}, {260, 130, 65}};
    List<Integer> halfOrders = new ArrayList<>();
    List<Integer> quarterOrders = new ArrayList<>();
    int cumulative = 0;
    for (int[] fill : fills) {
      FAKE.market().fill(order, fill[0]);
      int filled = cumulative += fill[0];
      desk.awaitHandled(order, update -> update.filledQuantity().units() == filled);
      if (fill[1] > 0) halfOrders.add(fill[1]);
      if (fill[2] > 0) quarterOrders.add(fill[2]);
      // The event is handled: whatever it sends is at the broker now, and nothing more.
      assertThat(halfByFills.account().orders().all()).as("after %d filled", filled)
          .extracting(FakeOrder::quantity).containsExactlyElementsOf(halfOrders);
      assertThat(quarterByFills.account().orders().all()).as("after %d filled", filled)
          .extracting(FakeOrder::quantity).containsExactlyElementsOf(quarterOrders);
    }

    assertFillOrders(order, halfByFills, Map.of(65, 65, 130, 65, 260, 130));
    assertFillOrders(order, quarterByFills, Map.of(65, 65, 130, 65));
    desk.awaitPosition(halfByFills, NIFTY_CE, 4 * LOT);
    desk.awaitPosition(quarterByFills, NIFTY_CE, 2 * LOT);
    assertThat(risk.account().orders().all()).containsExactly(bookOrder(risk.account(), mirrored.orderId()));
    assertThat(desk.writes(risk.account(), "PUT")).isEmpty();
    desk.assertNoMoreOrders();
  }

  /**
   * Takes the follower's fill copies: market orders, each named by the cumulative target it brings the
   * follower to (so each has its own correlation id), in order of those targets.
   */
  private void assertFillOrders(OrderId leaderOrder, Follower follower, Map<Integer, Integer> quantityByTarget) {
    List<Integer> targets = quantityByTarget.keySet().stream().sorted().toList();
    List<FakeOrder> orders = desk.nextOrders(follower,
        targets.stream().mapToInt(quantityByTarget::get).toArray());
    assertThat(orders).allSatisfy(o -> assertThat(o.orderType()).isEqualTo("MARKET"))
        .extracting(FakeOrder::correlationId)
        .containsExactlyElementsOf(targets.stream().map(t -> correlationId(leaderOrder, follower, "fill-" + t))
            .toList());
  }

  // --- 5. exits sized from the follower's own position ---------------------------------------------------

  @Test
  void aFullExitSellsEachFollowersOwnRoundedPositionAndLeavesItFlat() {
    desk.start(List.of(capital, quarter, risk));
    // Two entries of 5 lots: 0.5 x 325 = 162.5 and 0.25 x 325 = 81.25 round down on each entry.
    for (int entry = 0; entry < 2; entry++) {
      OrderId order = desk.leaderBuysFilled(NIFTY_CE, 5 * LOT);
      desk.oneCopyEach(order, "entry", 130, 65, 130);
    }
    awaitPositions(NIFTY_CE, 260, 130, 260);

    OrderId exit = desk.leaderSellsResting(NIFTY_CE, 10 * LOT);

    // Own positions, not the ratios: 0.5 x 650 would sell 325 and flip the follower short by 65; risk-based
    // sizing would sell 130 and leave half behind.
    Map<Follower, FakeOrder> sells = desk.oneCopyEach(exit, "exit", 260, 130, 260);
    assertThat(sells.values()).extracting(FakeOrder::side).containsOnly("SELL");
    desk.marketTrades(NIFTY_CE, exit, sells.values());
    assertThat(netPosition(desk.leader, NIFTY_CE)).isZero();
    awaitPositions(NIFTY_CE, 0, 0, 0);
    desk.assertNoMoreOrders();
  }

  @Test
  void partialExitsSellWholeLotsOfTheFollowersOwnShareUntilTheLeaderIsFlat() {
    desk.start(List.of(capital, quarter, risk));
    OrderId entry = desk.leaderBuysFilled(NIFTY_CE, 8 * LOT);
    desk.oneCopyEach(entry, "entry", 260, 130, 130);
    awaitPositions(NIFTY_CE, 260, 130, 130);

    // The leader sells half: each follower sells half of what it holds.
    OrderId half = desk.leaderSellsResting(NIFTY_CE, 4 * LOT);
    desk.marketTrades(NIFTY_CE, half, desk.oneCopyEach(half, "exit", 130, 65, 65).values());
    awaitPositions(NIFTY_CE, 130, 65, 65);

    // Half of the rest: half of one lot is under a lot, so those followers keep theirs, with the reason.
    OrderId quarterOfIt = desk.leaderSellsResting(NIFTY_CE, 2 * LOT);
    desk.awaitHandled(quarterOfIt, update -> true);
    List<FakeOrder> sold = desk.nextOrders(capital, 65);
    for (Follower keeps : List.of(quarter, risk)) {
      keeps.account().orders().assertNoMore(Duration.ofMillis(1));
      assertThat(desk.onlyStoredCopy(quarterOfIt, keeps))
          .extracting(StoredCopy::step, StoredCopy::state, StoredCopy::quantity, StoredCopy::reason)
          .containsExactly("exit", "SKIPPED", 0, "exit: 65 held x 130/260 -> 0: under one lot of 65");
    }
    desk.marketTrades(NIFTY_CE, quarterOfIt, sold);
    awaitPositions(NIFTY_CE, 65, 65, 65);

    // The leader goes flat: every follower closes all it still holds.
    OrderId last = desk.leaderSellsResting(NIFTY_CE, 2 * LOT);
    desk.marketTrades(NIFTY_CE, last, desk.oneCopyEach(last, "exit", 65, 65, 65).values());
    awaitPositions(NIFTY_CE, 0, 0, 0);
    desk.assertNoMoreOrders();
  }

  /**
   * A leader's market exit fills within milliseconds, and Dhan's positions answer can take longer: the exit
   * must still be sized from the position the order met, not from one that already includes its own fill.
   */
  @Test
  void aHalfExitAtMarketIsStillAHalfExitWhenTheLeadersPositionsAnswerArrivesAfterItsFill() {
    desk.start(List.of(capital, quarter, risk));
    OrderId entry = desk.leaderBuysFilled(NIFTY_CE, 8 * LOT);
    desk.oneCopyEach(entry, "entry", 260, 130, 130);
    awaitPositions(NIFTY_CE, 260, 130, 130);

    FAKE.faults().nextCall(desk.leader.id(), "GET", "positions").delay(Duration.ofMillis(500));
    OrderId half = desk.leader.places(FakeOrderSpec.sell(NIFTY_CE).quantity(4 * LOT).market());

    desk.awaitHandled(half, update -> true);
    StoredCopy exit = desk.onlyStoredCopy(half, capital);
    assertThat(exit.quantity()).as("exit sized as: %s", exit.sizing()).isEqualTo(130);
    desk.oneCopyEach(half, "exit", 130, 65, 65);
    awaitPositions(NIFTY_CE, 130, 65, 65);
    desk.assertNoMoreOrders();
  }

  /**
   * Limit orders at one price do not all fill together: the leader's first exit trades, the follower's copy
   * of it still rests, and the leader then closes the rest. The follower must never be left selling more
   * than it holds, which would flip it short.
   */
  @Test
  void aSecondExitWhileTheFirstExitCopyStillRestsNeverSellsMoreThanTheFollowerHolds() {
    desk.start(List.of(capital, quarter, risk));
    OrderId entry = desk.leaderBuysFilled(NIFTY_CE, 8 * LOT);
    desk.oneCopyEach(entry, "entry", 260, 130, 130);
    awaitPositions(NIFTY_CE, 260, 130, 130);
    OrderId half = desk.leaderSellsResting(NIFTY_CE, 4 * LOT);
    awaitResting(half, desk.oneCopyEach(half, "exit", 130, 65, 65).values());
    FAKE.market().fill(half, 4 * LOT); // only the leader's order trades

    OrderId rest = desk.leaderSellsResting(NIFTY_CE, 4 * LOT);
    desk.awaitHandled(rest, update -> true);
    List<FakeOrder> allSells = Stream.of(capital, quarter, risk).flatMap(f -> f.account().orderBook().stream())
        .filter(o -> o.side().equals("SELL")).toList();
    desk.marketTrades(NIFTY_CE, rest, allSells);

    // Every sell has traded: each follower is flat, like the leader, and not short.
    assertThat(Stream.of(capital, quarter, risk).map(f -> netPosition(f.account(), NIFTY_CE)))
        .as("net positions; the capital follower's second exit was sized as: %s",
            desk.onlyStoredCopy(rest, capital).sizing())
        .containsOnly(0);
  }

  // --- 6. slicing above the freeze quantity ---------------------------------------------------------------

  @Test
  void copiesAboveTheFreezeQuantityAreSlicedIntoWholeLotsOnEntryAndOnExit() {
    // Followers larger than the leader, so their copies exceed a freeze of 325 (5 lots) the leader's don't.
    Follower twice = desk.follower("1000000002", "2000000", CAPITAL_PROPORTIONAL);
    Follower thrice = desk.follower("1000000003", "250000", Map.of("copy_ratio", "3"));
    Follower riskBased = desk.follower("1000000004", "500000", RISK_BASED); // 50,000 / 7,377.50 -> 6 lots
    desk.start(List.of(twice, thrice, riskBased));

    OrderId entry = desk.leaderBuysFilled(NIFTY_PE_SMALL_FREEZE, 4 * LOT);
    assertSlices(entry, "entry", twice, 325, 195);
    assertSlices(entry, "entry", thrice, 325, 325, 130);
    assertSlices(entry, "entry", riskBased, 325, 65);
    desk.awaitPosition(twice, NIFTY_PE_SMALL_FREEZE, 520);
    desk.awaitPosition(thrice, NIFTY_PE_SMALL_FREEZE, 780);
    desk.awaitPosition(riskBased, NIFTY_PE_SMALL_FREEZE, 390);

    OrderId exit = desk.leaderSellsResting(NIFTY_PE_SMALL_FREEZE, 4 * LOT);
    List<FakeOrder> sells = new ArrayList<>();
    sells.addAll(assertSlices(exit, "exit", twice, 325, 195));
    sells.addAll(assertSlices(exit, "exit", thrice, 325, 325, 130));
    sells.addAll(assertSlices(exit, "exit", riskBased, 325, 65));
    desk.marketTrades(NIFTY_PE_SMALL_FREEZE, exit, sells);
    for (Follower f : List.of(twice, thrice, riskBased)) desk.awaitPosition(f, NIFTY_PE_SMALL_FREEZE, 0);
    desk.assertNoMoreOrders();
  }

  /** The follower's next orders are these slices: each within the freeze, whole lots, its own id. */
  private List<FakeOrder> assertSlices(OrderId leaderOrder, String step, Follower follower, int... slices) {
    List<FakeOrder> orders = desk.nextOrders(follower, slices);
    assertThat(orders).allSatisfy(o -> {
      assertThat(o.quantity()).isLessThanOrEqualTo(SMALL_FREEZE);
      assertThat(o.quantity() % LOT).isZero();
    });
    List<String> ids = new ArrayList<>();
    for (int k = 1; k <= slices.length; k++) {
      ids.add(correlationId(leaderOrder, follower, k == 1 ? step : step + "-" + k));
    }
    assertThat(orders).extracting(FakeOrder::correlationId).containsExactlyElementsOf(ids).doesNotHaveDuplicates();
    return orders;
  }

  // --- 7. entry filters ---------------------------------------------------------------------------------

  static Stream<Arguments> entryFilters() {
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
    LocalTime now = LocalTime.now(IST);
    String laterWindow = now.plusHours(2).format(hhmm) + "-" + now.plusHours(3).format(hhmm);
    return Stream.of(
        arguments("segments", "BSE_FNO", exactly("segment NSE_FNO is not among [BSE_FNO]")),
        arguments("instrument_types", "OPTSTK,FUTIDX", exactly("instrument type OPTIDX is not among [FUTIDX, OPTSTK]")),
        arguments("underlyings_include", "BANKNIFTY,FINNIFTY",
            exactly("underlying NIFTY is not among [BANKNIFTY, FINNIFTY]")),
        arguments("underlyings_exclude", "nifty", exactly("underlying NIFTY is excluded")),
        arguments("product_types", "MARGIN,CNC", exactly("product INTRADAY is not among [CNC, MARGIN]")),
        arguments("copy_window", laterWindow,
            "time [0-9:.]+ IST is outside the copy window " + Pattern.quote(laterWindow)),
        arguments("enabled", "false", exactly("follower is disabled")));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("entryFilters")
  void anEntryFilterSkipsOnlyItsFollowerAndStoresWhy(String setting, String value, String reason) {
    Follower filtered = quarter.with(setting, value);
    desk.start(List.of(capital, filtered, risk));

    entrySkippedOnlyBy(filtered, reason);
    desk.assertNoMoreOrders();
  }

  @Test
  void theGlobalCopySwitchOffSkipsEveryFollowerWithItsReason() {
    desk.storeConfig("copy_enabled", "false");
    desk.start(List.of(capital, quarter, risk));

    OrderId order = desk.leaderBuysResting(8 * LOT);
    desk.awaitHandled(order, update -> true);
    for (Follower f : List.of(capital, quarter, risk)) {
      StoredCopy copy = desk.onlyStoredCopy(order, f);
      assertThat(copy.state()).isEqualTo("SKIPPED");
      assertThat(copy.reason()).isEqualTo("copying is paused (copy_enabled = false)");
    }
    desk.assertNoMoreOrders();
    assertWrites(List.of(capital, quarter, risk), 0, 0, 0);
  }

  // --- 8. risk limits -----------------------------------------------------------------------------------

  /** A risk setting on the quarter follower (2 lots at 112.50, worth 14,625), with what it needs to bite. */
  record RiskCase(String setting, String value, String funds, boolean holdsAnotherPosition, String reason) {}

  static Stream<Arguments> riskLimits() {
    return Stream.of(
        arguments(named("max position %", new RiskCase("max_position_size_pct", "5", "250000", false,
            "order value 14625.00 (130 x 112.50) exceeds limit 12500.00 (5% of capital 250000.00)"))),
        arguments(named("max lots per order", new RiskCase("max_lots_per_order", "1", "250000", false,
            "2 lots (130 contracts) exceeds max lots per order 1"))),
        arguments(named("max open positions", new RiskCase("max_open_positions", "1", "250000", true,
            "1 open positions already; a new position in NIFTY-Dec2026-27650-CE exceeds max open positions 1"))),
        arguments(named("margin check", new RiskCase("margin_check", "true", "10000", false,
            "insufficient margin: required 14625.00, available 10000.00, shortfall 4625.00"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("riskLimits")
  void aRiskLimitSkipsOnlyItsFollowerAndStoresWhy(RiskCase limit) {
    Follower limited = desk.follower("1000000003", limit.funds(), QUARTER).with(limit.setting(), limit.value());
    if (limit.holdsAnotherPosition()) holdsBankNifty(limited);
    desk.start(List.of(capital, limited, risk));

    entrySkippedOnlyBy(limited, exactly(limit.reason()));
    desk.assertNoMoreOrders();
  }

  @Test
  void reachingTheDailyLossLimitSkipsTheEntryAndPausesTheFollowerForTheDay() {
    Follower limited = quarter.with("max_daily_loss", "1000");
    holdsBankNifty(limited); // 30 bought at 300.00
    FAKE.market().price(BANKNIFTY_CE, Price.ofRupees("200.00")); // down 3,000
    desk.start(List.of(capital, limited, risk));

    entrySkippedOnlyBy(limited, exactly("day profit and loss -3000.00 has reached max daily loss 1000.00"));
    assertThat(desk.storedConfig("follower.1000000003.paused_on")).contains(LocalDate.now(IST).toString());

    // The loss is gone, yet the follower stays paused for the rest of the day.
    FAKE.market().price(BANKNIFTY_CE, Price.ofRupees("300.00"));
    entrySkippedOnlyBy(limited, exactly("follower is disabled"));
    desk.assertNoMoreOrders();
  }

  /** The follower's holder buys 30 BANKNIFTY calls at market (300.00) and holds them. */
  private void holdsBankNifty(Follower follower) {
    follower.account().places(FakeOrderSpec.buy(BANKNIFTY_CE).quantity(30).market());
    desk.awaitPosition(follower, BANKNIFTY_CE, 30);
    follower.account().orders().awaitNext(Duration.ofSeconds(1)); // the holder's own order, not a copy
  }

  // --- 9. one follower failing --------------------------------------------------------------------------

  /** How the quarter follower's broker fails, what is then at that broker, and what the copy becomes. */
  enum Failure {
    /**
     * Dhan answers 500 to the placement: nothing was placed, but the engine cannot know that, so the copy
     * stays in doubt and is not sent again at once.
     */
    SERVER_ERROR(d -> FAKE.faults().nextPlace(d.account().id()).serverError(), 1, 0, "UNKNOWN"),
    /** The order is placed but the answer is lost: it is found by its correlation id, never placed twice. */
    ANSWER_LOST(d -> FAKE.faults().nextPlace(d.account().id()).dropAfterAccept(), 1, 1, "PLACED"),
    /** The follower's token stops working after start-up (a new one was issued elsewhere): nothing is sent. */
    TOKEN_REVOKED(d -> d.account().renewToken(), 0, 0, "FAILED");

    final Consumer<Follower> inject;
    final int placements;
    final int ordersAtBroker;
    final String state;

    Failure(Consumer<Follower> inject, int placements, int ordersAtBroker, String state) {
      this.inject = inject;
      this.placements = placements;
      this.ordersAtBroker = ordersAtBroker;
      this.state = state;
    }
  }

  @ParameterizedTest
  @EnumSource(Failure.class)
  void oneFollowerFailingLeavesTheOthersCopiesExactAndIsNeverSentTwice(Failure failure) {
    desk.start(List.of(capital, quarter, risk));
    failure.inject.accept(quarter);

    OrderId order = desk.leaderBuysResting(8 * LOT);
    desk.nextOrders(capital, 260);
    desk.nextOrders(risk, 130);
    desk.awaitHandled(order, update -> true);
    for (int i = 0; i < failure.ordersAtBroker; i++) desk.nextOrders(quarter, 130);

    ScenarioDesk.awaitUntil("the failing copy is " + failure.state,
        () -> desk.onlyStoredCopy(order, quarter).state().equals(failure.state));

    // Longer than the engine's first retry (1 s) and a pass of its in-doubt resolver (2 s): a retry or a
    // resolution that placed again would show here.
    desk.assertNoMoreOrders(Duration.ofMillis(2500));
    assertThat(desk.writes(quarter.account(), "POST")).hasSize(failure.placements);
    assertThat(quarter.account().orderBook()).hasSize(failure.ordersAtBroker);
    assertThat(desk.onlyStoredCopy(order, quarter).state()).isEqualTo(failure.state);
  }

  /** An order placed although its answer was lost must still follow the leader's order out. */
  @Test
  void aCopyWhoseAnswerWasLostIsCancelledWhenTheLeaderCancels() {
    desk.start(List.of(capital, quarter, risk));
    FAKE.faults().nextPlace(quarter.account().id()).dropAfterAccept();
    OrderId order = desk.leaderBuysResting(8 * LOT);
    Map<Follower, FakeOrder> copies = desk.oneCopyEach(order, "entry", 260, 130, 130);
    awaitResting(order, copies.values());

    desk.leader.cancels(order);

    copies.forEach((f, copy) -> desk.awaitStatus(f.account(), copy.orderId(), "CANCELLED"));
    desk.assertNoMoreOrders();
  }

  // --- helpers ------------------------------------------------------------------------------------------

  /**
   * The leader buys 8 lots: the capital and risk-based followers (whichever are configured, besides
   * {@code skipped}) get their usual copies, {@code skipped} gets nothing and its copy is stored as
   * SKIPPED with a reason matching {@code reasonRegex}.
   */
  private void entrySkippedOnlyBy(Follower skipped, String reasonRegex) {
    OrderId order = desk.leaderBuysResting(8 * LOT);
    desk.nextOrders(capital, 260);
    desk.nextOrders(risk, 130);
    desk.awaitHandled(order, update -> true);
    skipped.account().orders().assertNoMore(Duration.ofMillis(1));
    StoredCopy copy = desk.onlyStoredCopy(order, skipped);
    assertThat(copy.state()).isEqualTo("SKIPPED");
    assertThat(copy.quantity()).isZero();
    assertThat(copy.reason()).matches(reasonRegex);
  }

  private static String exactly(String text) {
    return Pattern.quote(text);
  }

  /** A leader order and each follower's copy of it, all resting at the exchange. */
  private record Resting(OrderId order, Map<Follower, FakeOrder> copies) {}

  /** Starts the engine with the three followers; the leader buys 8 lots at a limit below the market. */
  private Resting eightLotsRestingWithACopyEach() {
    desk.start(List.of(capital, quarter, risk));
    OrderId order = desk.leaderBuysResting(8 * LOT);
    Map<Follower, FakeOrder> copies = desk.oneCopyEach(order, "entry", 260, 130, 130);
    awaitResting(order, copies.values());
    return new Resting(order, copies);
  }

  /** Waits until the leader's order and its copies have left TRANSIT and rest at the exchange. */
  private void awaitResting(OrderId leaderOrder, Collection<FakeOrder> copies) {
    desk.awaitStatus(desk.leader, leaderOrder, "PENDING");
    copies.forEach(c -> desk.awaitStatus(FAKE.account(c.account().value()), c.orderId(), "PENDING"));
  }

  private void awaitPositions(InstrumentKey instrument, int capitalNet, int quarterNet, int riskNet) {
    desk.awaitPosition(capital, instrument, capitalNet);
    desk.awaitPosition(quarter, instrument, quarterNet);
    desk.awaitPosition(risk, instrument, riskNet);
  }

  /** Each follower's order writes: exactly this many placements, modifications and cancellations. */
  private void assertWrites(Collection<Follower> followers, int posts, int puts, int deletes) {
    for (Follower f : followers) {
      assertThat(desk.writes(f.account(), "POST")).as("placements by %s", f.account().id()).hasSize(posts);
      assertThat(desk.writes(f.account(), "PUT")).as("modifications by %s", f.account().id()).hasSize(puts);
      assertThat(desk.writes(f.account(), "DELETE")).as("cancels by %s", f.account().id()).hasSize(deletes);
    }
  }
}
