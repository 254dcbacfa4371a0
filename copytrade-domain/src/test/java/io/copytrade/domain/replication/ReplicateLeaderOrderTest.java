package io.copytrade.domain.replication;

import static io.copytrade.domain.replication.LeaderOrder.buyEightLots;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.copytrade.domain.risk.MaxPositionSizePct;
import io.copytrade.domain.risk.RiskRule;
import io.copytrade.domain.sizing.SizingStrategy;
import io.copytrade.domain.sizing.SizingStrategy.CapitalProportional;
import io.copytrade.domain.sizing.SizingStrategy.RiskBased;
import io.copytrade.ports.broker.AuthenticationException;
import io.copytrade.ports.broker.BrokerException;
import io.copytrade.ports.broker.BrokerUnavailableException;
import io.copytrade.ports.broker.OutcomeUnknownException;
import io.copytrade.ports.broker.PlacementResult;
import io.copytrade.ports.broker.RateLimitException;
import io.copytrade.ports.broker.RequestRefusedException;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.Funds;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.LotSize;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderRequest;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.OrderType;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.model.Validity;
import io.copytrade.ports.store.AuditEntry;
import io.copytrade.ports.store.CopyMapping;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ReplicateLeaderOrderTest {
  private static final Instant START = Instant.parse("2026-01-05T03:46:00Z");

  private final TestClock clock = new TestClock(START);
  private final FakeStore store = new FakeStore();
  private final FakeCatalogue catalogue = new FakeCatalogue().with(LeaderOrder.NIFTY_CE);
  private final FakeAccount leader = new FakeAccount("LEADER", "1000000");
  private final FakeAccount quarter = new FakeAccount("QUARTER", "250000");
  private final FakeAccount half = new FakeAccount("HALF", "500000");
  private final CapitalBook capital = new CapitalBook(clock, Duration.ofMinutes(5));

  private static Follower follower(FakeAccount account, SizingStrategy sizing, RiskRule... rules) {
    return new Follower(new FollowerSettings(account.id(), sizing, List.of(rules)), account);
  }

  private ReplicateLeaderOrder replicateTo(Follower... followers) {
    return new ReplicateLeaderOrder(store, catalogue, leader, List.of(followers), capital, clock);
  }

  private ReplicateLeaderOrder replicateProportionallyTo(FakeAccount... accounts) {
    return replicateTo(Stream.of(accounts).map(a -> follower(a, new CapitalProportional()))
        .toArray(Follower[]::new));
  }

  private static CorrelationId entryOf(FakeAccount follower) {
    return CorrelationId.derive(LeaderOrder.ID, follower.id(), "entry");
  }

  /** The follower's copy of the default leader order, as it should be sent. */
  private static OrderRequest limitBuy(FakeAccount follower, int quantity) {
    return new OrderRequest(follower.id(), entryOf(follower), Side.BUY, LeaderOrder.NIFTY_CE_KEY,
        ProductType.INTRADAY, OrderType.LIMIT, Validity.DAY, Quantity.of(quantity), Price.ofRupees("112.50"),
        Optional.empty());
  }

  @Test
  void copiesANewLeaderOrderToEachFollowerSizedToItsCapital() {
    List<CopyMapping> copies = replicateProportionallyTo(quarter, half).handle(buyEightLots().update());

    assertThat(quarter.placed).containsExactly(limitBuy(quarter, 130));
    assertThat(half.placed).containsExactly(limitBuy(half, 260));
    assertThat(copies).extracting(CopyMapping::follower, CopyMapping::state, CopyMapping::followerQuantity,
        CopyMapping::followerOrderId).containsExactly(
            tuple(quarter.id(), CopyState.PLACED, Quantity.of(130),
                Optional.of(OrderId.of("QUARTER-1"))),
            tuple(half.id(), CopyState.PLACED, Quantity.of(260),
                Optional.of(OrderId.of("HALF-1"))));
    assertThat(store.copies.values()).containsExactlyElementsOf(copies);
  }

  @Test
  void recordsTheEventAndHowEachCopyWasSized() {
    LeaderOrderUpdate update = buyEightLots().update();
    CopyMapping copy = replicateProportionallyTo(quarter).handle(update).get(0);

    assertThat(store.leaderEvents).containsExactly(update);
    assertThat(copy.sizing()).isEqualTo("capital_proportional: 250000.00/1000000.00 = 0.25 x 520 = 130.00"
        + " -> 2 lots of 65 [leader sodLimit, follower sodLimit]");
    assertThat(copy.leaderQuantity()).isEqualTo(Quantity.of(520));
    assertThat(copy.step()).isEqualTo("entry");
  }

  @Test
  void sizesByTheCataloguesLotSizeNotTheEvents() {
    // The event states lot size 75; the instrument master says 65, and 130 is 2 lots of 65.
    assertThat(buyEightLots().update().lotSize()).contains(LotSize.of(75));
    replicateProportionallyTo(quarter).handle(buyEightLots().update());
    assertThat(quarter.placed).extracting(OrderRequest::quantity).containsExactly(Quantity.of(130));
  }

  @Test
  void storesTheIntentBeforeCallingTheBroker() {
    List<Optional<CopyState>> storedWhenPlaced = new ArrayList<>();
    List<List<String>> auditedWhenPlaced = new ArrayList<>();
    quarter.onPlace(request -> {
      storedWhenPlaced.add(store.find(request.correlationId()).map(CopyMapping::state));
      auditedWhenPlaced.add(store.auditActions());
    });

    replicateProportionallyTo(quarter).handle(buyEightLots().update());

    assertThat(storedWhenPlaced).containsExactly(Optional.of(CopyState.INTENDED));
    assertThat(auditedWhenPlaced).containsExactly(List.of("place_order"));
  }

  @Test
  void auditsTheIntentAndTheOutcomeWithItsDuration() {
    quarter.onPlace(request -> clock.advance(Duration.ofMillis(42)));

    replicateProportionallyTo(quarter).handle(buyEightLots().update());

    String detail = "{\"follower\":\"QUARTER\",\"leaderOrderId\":\"L-1\",\"instrument\":\"NSE_FNO:35191\","
        + "\"side\":\"BUY\",\"orderType\":\"LIMIT\",\"leaderQuantity\":520,\"followerQuantity\":130,"
        + "\"priceRupees\":112.50}";
    Optional<AccountId> account = Optional.of(quarter.id());
    Optional<OrderId> leaderOrder = Optional.of(LeaderOrder.ID);
    Optional<CorrelationId> id = Optional.of(entryOf(quarter));
    assertThat(store.audits).containsExactly(
        new AuditEntry(START, "place_order", account, leaderOrder, id, detail, Optional.empty(),
            Optional.empty()),
        new AuditEntry(START.plusMillis(42), "place_order", account, leaderOrder, id, detail,
            Optional.of("accepted QUARTER-1 TRANSIT"), Optional.of(42L)));
  }

  @Test
  void theSameEventTwicePlacesOnce() {
    ReplicateLeaderOrder replicate = replicateProportionallyTo(quarter);
    List<CopyMapping> first = replicate.handle(buyEightLots().update());
    List<CopyMapping> second = replicate.handle(buyEightLots().update());

    assertThat(quarter.placed).hasSize(1);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void laterEventsOfTheSameOrderPlaceNothingMore() {
    ReplicateLeaderOrder replicate = replicateProportionallyTo(quarter);
    List<CopyMapping> first = replicate.handle(buyEightLots().update());
    replicate.handle(buyEightLots().status(OrderStatus.PART_TRADED).update());
    List<CopyMapping> last = replicate.handle(buyEightLots().tradedAt("112.50").update());

    assertThat(quarter.placed).hasSize(1);
    assertThat(last).isEqualTo(first);
  }

  @Test
  void afterARestartAStoredIntentIsNotPlacedAgain() {
    CopyMapping intent = new CopyMapping(entryOf(quarter), LeaderOrder.ID, quarter.id(), "entry",
        LeaderOrder.NIFTY_CE_KEY, Side.BUY, Quantity.of(520), Quantity.of(130), "capital_proportional: x",
        CopyState.INTENDED, Optional.empty(), Optional.empty(), START, START);
    store.copies.put(intent.correlationId(), intent);

    List<CopyMapping> copies = replicateProportionallyTo(quarter).handle(buyEightLots().update());

    assertThat(quarter.placed).isEmpty();
    assertThat(copies).containsExactly(intent);
    assertThat(store.audits).isEmpty();
  }

  @Test
  void aBrokerRejectionIsRecordedWithItsCode() {
    quarter.nextPlace(request -> new PlacementResult.Rejected("DH-905", "Invalid IP"));

    CopyMapping copy = replicateProportionallyTo(quarter).handle(buyEightLots().update()).get(0);

    assertThat(copy.state()).isEqualTo(CopyState.REJECTED);
    assertThat(copy.reason()).contains("DH-905: Invalid IP");
    assertThat(store.find(copy.correlationId())).contains(copy);
    assertThat(store.audits).last().extracting(AuditEntry::outcome)
        .isEqualTo(Optional.of("rejected DH-905: Invalid IP"));
  }

  @Test
  void anUnknownOutcomeIsRecordedAndNeverResent() {
    quarter.nextPlace(request -> {
      throw new OutcomeUnknownException("read timed out", null);
    });
    ReplicateLeaderOrder replicate = replicateProportionallyTo(quarter);

    CopyMapping copy = replicate.handle(buyEightLots().update()).get(0);
    List<CopyMapping> later = replicate.handle(buyEightLots().tradedAt("112.50").update());

    assertThat(copy.state()).isEqualTo(CopyState.UNKNOWN);
    assertThat(copy.reason()).contains("read timed out");
    assertThat(later).containsExactly(copy);
    assertThat(quarter.placed).hasSize(1);
  }

  static Stream<Arguments> notReceivedForNow() {
    return Stream.of(
        Arguments.of(new BrokerUnavailableException(null, "connection refused", null), "connection refused"),
        Arguments.of(new RateLimitException("DH-904", "too many requests"), "DH-904: too many requests"));
  }

  /** Throttled or unreachable: nothing was placed, and the intent stays for the resolver to send again. */
  @ParameterizedTest
  @MethodSource("notReceivedForNow")
  void aRequestRefusedForAPassingReasonStaysAnIntent(BrokerException failure, String reason) {
    quarter.nextPlace(request -> {
      throw failure;
    });

    CopyMapping copy = replicateProportionallyTo(quarter).handle(buyEightLots().update()).get(0);

    assertThat(copy.state()).isEqualTo(CopyState.INTENDED);
    assertThat(copy.reason()).contains(reason);
    assertThat(store.find(copy.correlationId())).contains(copy);
    assertThat(quarter.placed).hasSize(1);
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(new AuthenticationException("DH-901", "DH-901 token expired"), "DH-901 token expired"),
        Arguments.of(new RequestRefusedException("DH-903", "account suspended"), "DH-903: account suspended"));
  }

  @ParameterizedTest
  @MethodSource("refused")
  void aRequestTheBrokerRefusesOutrightFails(BrokerException failure, String reason) {
    quarter.nextPlace(request -> {
      throw failure;
    });

    CopyMapping copy = replicateProportionallyTo(quarter).handle(buyEightLots().update()).get(0);

    assertThat(copy.state()).isEqualTo(CopyState.FAILED);
    assertThat(copy.reason()).contains(reason);
    assertThat(store.find(copy.correlationId())).contains(copy);
  }

  /** Funds unreadable for now: no copy is recorded, so the event's retry sizes and places the entry. */
  @ParameterizedTest
  @MethodSource("notReceivedForNow")
  void aFollowerWhoseFundsCannotBeReadForNowIsLeftToTheRetryWhileTheOthersAreCopied(BrokerException failure,
      String reason) {
    Funds readable = quarter.funds();
    AtomicBoolean failed = new AtomicBoolean();
    quarter.funds(() -> {
      if (!failed.getAndSet(true)) throw failure;
      return readable;
    });
    ReplicateLeaderOrder replicate = replicateProportionallyTo(quarter, half);
    LeaderOrderUpdate update = buyEightLots().update();

    ReplicationResult first = replicate.replicate(update);

    assertThat(first.failures()).extracting(f -> f.follower()).containsExactly(quarter.id());
    assertThat(Placement.describe(first.failures().get(0).error())).isEqualTo(reason);
    assertThat(first.copies()).extracting(CopyMapping::follower).containsExactly(half.id());
    assertThat(quarter.placed).isEmpty();
    assertThat(half.placed).containsExactly(limitBuy(half, 260));

    ReplicationResult retried = replicate.replicate(update);

    assertThat(retried.failures()).isEmpty();
    assertThat(quarter.placed).containsExactly(limitBuy(quarter, 130));
    assertThat(half.placed).hasSize(1);
  }

  @Test
  void aFollowerWhosePlaceThrowsUnexpectedlyIsUnknownWhileTheOthersAreCopied() {
    // An unexpected failure may come after the request left, so it is resolved later, never resent.
    quarter.nextPlace(request -> {
      throw new IllegalStateException("adapter bug");
    });

    List<CopyMapping> copies = replicateProportionallyTo(quarter, half).handle(buyEightLots().update());

    assertThat(copies).extracting(CopyMapping::state).containsExactly(CopyState.UNKNOWN, CopyState.PLACED);
    assertThat(copies.get(0).reason()).contains("IllegalStateException: adapter bug");
    assertThat(half.placed).containsExactly(limitBuy(half, 260));
  }

  @Test
  void aStoreFailingForOneFollowerIsReportedAfterTheOthersAreCopied() {
    store.failWritesFor(quarter.id());

    ReplicationIncompleteException incomplete = catchThrowableOfType(ReplicationIncompleteException.class,
        () -> replicateProportionallyTo(quarter, half).handle(buyEightLots().update()));

    assertThat(incomplete).hasMessage("copies of leader order L-1 not recorded for QUARTER (disk full)");
    assertThat(incomplete.getSuppressed()).hasSize(1);
    assertThat(incomplete.copies()).extracting(CopyMapping::follower, CopyMapping::state)
        .containsExactly(tuple(half.id(), CopyState.PLACED));
    assertThat(quarter.placed).isEmpty();
    assertThat(half.placed).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(value = OrderStatus.class, names = {"REJECTED", "CANCELLED", "EXPIRED"})
  void aLeaderOrderFirstSeenDeadIsNotCopied(OrderStatus status) {
    LeaderOrderUpdate update = buyEightLots().status(status).update();

    List<CopyMapping> copies = replicateProportionallyTo(quarter, half).handle(update);

    assertThat(copies).isEmpty();
    assertThat(quarter.placed).isEmpty();
    assertThat(half.placed).isEmpty();
    assertThat(store.copies).isEmpty();
    assertThat(store.leaderEvents).containsExactly(update);
  }

  @Test
  void aCancelAfterTheCopyCancelsEachCopyAndReturnsThem() {
    ReplicateLeaderOrder replicate = replicateProportionallyTo(quarter, half);
    List<CopyMapping> placed = replicate.handle(buyEightLots().update());

    List<CopyMapping> after = replicate.handle(buyEightLots().status(OrderStatus.CANCELLED).update());

    assertThat(after).extracting(CopyMapping::correlationId)
        .containsExactlyElementsOf(placed.stream().map(CopyMapping::correlationId).toList());
    assertThat(after).extracting(CopyMapping::state).containsOnly(CopyState.CANCELLED);
    assertThat(quarter.placed).hasSize(1);
  }

  @Test
  void anInstrumentMissingFromTheCatalogueIsSkipped() {
    InstrumentKey unknown = InstrumentKey.of(LeaderOrder.NIFTY_CE_KEY.segment(), "99999");

    CopyMapping copy = replicateProportionallyTo(quarter).handle(buyEightLots().instrument(unknown).update())
        .get(0);

    assertThat(copy.state()).isEqualTo(CopyState.SKIPPED);
    assertThat(copy.reason()).contains("instrument NSE_FNO:99999 is not in the instrument catalogue");
    assertThat(copy.followerQuantity()).isEqualTo(Quantity.ZERO);
    assertThat(quarter.placed).isEmpty();
    assertThat(store.find(copy.correlationId())).contains(copy);
    assertThat(store.audits).extracting(AuditEntry::action, AuditEntry::outcome).containsExactly(
        tuple("copy_skipped", copy.reason()));
  }

  @Test
  void aFollowerTooSmallForOneLotIsSkippedWithTheNumbers() {
    FakeAccount small = new FakeAccount("SMALL", "50000");

    CopyMapping copy = replicateProportionallyTo(small).handle(buyEightLots().update()).get(0);

    assertThat(copy.state()).isEqualTo(CopyState.SKIPPED);
    assertThat(copy.reason()).contains("50000.00/1000000.00 = 0.05 x 520 = 26.00 contracts is under one lot of 65");
    assertThat(small.placed).isEmpty();
  }

  @Test
  void aRiskRuleRejectionIsSkipped() {
    Follower limited = follower(quarter, new CapitalProportional(), new MaxPositionSizePct(new BigDecimal("5")));

    CopyMapping copy = replicateTo(limited).handle(buyEightLots().update()).get(0);

    assertThat(copy.state()).isEqualTo(CopyState.SKIPPED);
    assertThat(copy.reason())
        .contains("order value 14625.00 (130 x 112.50) exceeds limit 12500.00 (5% of capital 250000.00)");
    assertThat(quarter.placed).isEmpty();
  }

  @Test
  void aMarketOrderFirstSeenTradedIsCopiedAndPricedByItsAverage() {
    Follower riskBased = follower(quarter, new RiskBased(BigDecimal.TEN));
    leader.holds(LeaderOrder.NIFTY_CE_KEY, 520); // the positions already show the order's fill

    replicateTo(riskBased).handle(buyEightLots().market().tradedAt("112.50").update());

    assertThat(quarter.placed).containsExactly(new OrderRequest(quarter.id(), entryOf(quarter), Side.BUY,
        LeaderOrder.NIFTY_CE_KEY, ProductType.INTRADAY, OrderType.MARKET, Validity.DAY, Quantity.of(195),
        Price.ZERO, Optional.empty()));
  }

  @Test
  void aStopLossOrderIsCopiedWithItsTrigger() {
    replicateProportionallyTo(quarter).handle(buyEightLots().stopLoss("110").update());

    assertThat(quarter.placed).extracting(OrderRequest::orderType, OrderRequest::price, OrderRequest::triggerPrice)
        .containsExactly(tuple(OrderType.STOP_LOSS, Price.ofRupees("112.50"),
            Optional.of(Price.ofRupees("110"))));
  }

  @Test
  void capitalFallsBackToAvailableAndSaysSo() {
    FakeAccount noSod = new FakeAccount("NOSOD", "0")
        .funds(() -> new Funds(AccountId.of("NOSOD"), Money.ofRupees("250000"), Money.ZERO, Money.ZERO));

    CopyMapping copy = replicateProportionallyTo(noSod).handle(buyEightLots().update()).get(0);

    assertThat(copy.followerQuantity()).isEqualTo(Quantity.of(130));
    assertThat(copy.sizing()).endsWith("[leader sodLimit, follower availabelBalance]");
  }

  @Test
  void leaderCapitalIsFetchedOncePerMaxAgeNotPerFollower() {
    replicateProportionallyTo(quarter, half).handle(buyEightLots().update());

    assertThat(leader.fundsCalls).isEqualTo(1);
  }

  @Test
  void aFollowerMustBeSentThroughItsOwnAccount() {
    FollowerSettings settings = new FollowerSettings(quarter.id(), new CapitalProportional(), List.of());

    assertThatIllegalArgumentException().isThrownBy(() -> new Follower(settings, half))
        .withMessage("follower settings for QUARTER paired with broker account HALF");
  }
}
