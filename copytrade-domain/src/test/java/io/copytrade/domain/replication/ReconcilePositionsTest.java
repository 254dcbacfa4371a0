package io.copytrade.domain.replication;

import static io.copytrade.domain.replication.LeaderOrder.NIFTY_CE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.copytrade.domain.replication.PositionCheck.Outcome;
import io.copytrade.domain.sizing.SizingStrategy.CapitalProportional;
import io.copytrade.domain.sizing.SizingStrategy.RiskBased;
import io.copytrade.ports.broker.OutcomeUnknownException;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.InstrumentType;
import io.copytrade.ports.model.LotSize;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderRequest;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.OrderType;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.model.Validity;
import io.copytrade.ports.store.CopyMapping;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The leader holds 8 lots (520) of the NIFTY call; QUARTER (2.5 of the leader's 10 lakh, proportional)
 * should hold 130. Each test sets what QUARTER holds and its policy, runs one reconciliation, and asserts the
 * orders QUARTER's broker received and what the check reports.
 */
class ReconcilePositionsTest {
  private static final InstrumentKey OTHER = InstrumentKey.of(ExchangeSegment.NSE_FNO, "35999");
  private final Desk desk = new Desk();
  private final ExecutorService reads = Executors.newCachedThreadPool();

  @AfterEach
  void stopReads() {
    reads.shutdownNow();
  }

  private ReconcilePositions reconciliation(List<Follower> followers) {
    return new ReconcilePositions(desk.store, desk.catalogue, desk.leader, followers, desk.capital, desk.clock,
        new LedgerCheck(desk.store, desk.clock), reads);
  }

  private static Follower resync(FakeAccount account) {
    return Desk.changed(Desk.follower(account, new CapitalProportional()), s -> s.withReconcile(ReconcilePolicy.RESYNC));
  }

  private Reconciliation reconcile(ReconcilePolicy policy) {
    return reconcile(Desk.follower(desk.quarter, new CapitalProportional()), policy);
  }

  private Reconciliation reconcile(Follower follower, ReconcilePolicy policy) {
    Follower withPolicy = Desk.changed(follower, s -> s.withReconcile(policy));
    return reconciliation(List.of(withPolicy)).run("20260105T091600", Set.of(), Set.of());
  }

  /** The engine once copied into {@code instrument} for QUARTER: a position there is the copier's. */
  private void copiedBefore(InstrumentKey instrument) {
    desk.store.recordIntent(new CopyMapping(CorrelationId.derive(OrderId.of("L-0"), desk.quarter.id(), "entry"),
        OrderId.of("L-0"), desk.quarter.id(), "entry", instrument, Side.BUY, Quantity.of(520), Quantity.of(130),
        "test", CopyState.FILLED, Optional.empty(), Optional.empty(), Desk.START, Desk.START));
  }

  private List<String> orders() {
    return desk.quarter.placed.stream()
        .map(r -> r.side() + " " + r.quantity() + " " + r.orderType() + " " + r.instrument().securityId()).toList();
  }

  @Test
  void readsEveryFollowersBooksAtOnceNotOneAfterAnother() {
    desk.leader.holds(NIFTY_CE_KEY, 520);
    CountDownLatch bothAsked = new CountDownLatch(2);
    Runnable meetTheOther = () -> {
      bothAsked.countDown();
      try {
        if (!bothAsked.await(5, TimeUnit.SECONDS)) throw new IllegalStateException("read one after the other");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    };
    desk.quarter.onPositions(meetTheOther);
    desk.half.onPositions(meetTheOther);

    Reconciliation result = reconciliation(List.of(resync(desk.quarter), resync(desk.half))).run("run-1", Set.of(),
        Set.of());

    assertThat(result.failures()).isEmpty();
    assertThat(result.checks()).extracting(PositionCheck::outcome)
        .containsExactly(Outcome.CORRECTED, Outcome.CORRECTED);
    assertThat(orders()).containsExactly("BUY 130 MARKET 35191");
  }

  @Test
  void alertReportsTheDifferenceAndPlacesNothing() {
    desk.leader.holds(NIFTY_CE_KEY, 520);

    Reconciliation result = reconcile(ReconcilePolicy.ALERT);

    assertThat(result.checks()).singleElement().satisfies(check -> {
      assertThat(check.outcome()).isEqualTo(Outcome.MISMATCH);
      assertThat(check.held()).isZero();
      assertThat(check.target()).contains(130);
      assertThat(check.detail()).contains("policy alert");
    });
    assertThat(desk.quarter.placed).isEmpty();
  }

  @Test
  void alertStillClosesWhatTheEngineOpenedBeyondTheTargetAndLeavesTheFollowersOwn() {
    // The engine copied 130 of the leader's 520 (its frame handled); the leader has since gone flat, and
    // QUARTER bought 65 of its own.
    desk.store.recordLeaderEvent(Frame.buy(520).id("L-0").market().filled(520).update(), Desk.START);
    copiedBefore(NIFTY_CE_KEY);
    desk.quarter.holds(NIFTY_CE_KEY, 195);

    Reconciliation result = reconcile(ReconcilePolicy.ALERT);

    assertThat(orders()).containsExactly("SELL 130 MARKET 35191");
    assertThat(result.checks()).singleElement().satisfies(check -> {
      assertThat(check.outcome()).isEqualTo(Outcome.CORRECTED);
      assertThat(check.target()).contains(0);
      assertThat(check.detail()).contains("closes the 130 the engine opened beyond the target",
          "policy alert: nothing else placed");
    });
  }

  @Test
  void alertAddsWhatTheEnginesCopiesOweButNotLotsLostToRounding() {
    // The leader bought 780 and cancelled after 520 filled, while QUARTER's copy was in doubt and then given
    // up: being up all along, QUARTER would hold 130 of it. Four single-lot orders of 65 in the other
    // instrument: sized one by one each is under a lot, so QUARTER owes nothing there, though 260 sizes to 65.
    desk.store.recordLeaderEvent(Frame.buy(780).id("L-1").filled(520).status(OrderStatus.CANCELLED).update(),
        Desk.START);
    desk.store.recordIntent(new CopyMapping(CorrelationId.derive(OrderId.of("L-1"), desk.quarter.id(), "entry"),
        OrderId.of("L-1"), desk.quarter.id(), "entry", NIFTY_CE_KEY, Side.BUY, Quantity.of(780), Quantity.of(195),
        "test", CopyState.FAILED, Optional.empty(), Optional.of("leader order L-1 is CANCELLED"), Desk.START,
        Desk.START));
    for (int k = 2; k <= 5; k++) {
      desk.store.recordLeaderEvent(Frame.buy(65).id("L-" + k).instrument(OTHER).market().filled(65).update(),
          Desk.START);
    }
    desk.catalogue.with(new Instrument(OTHER, "NIFTY-Jan2026-25100-CE", "NIFTY", InstrumentType.OPTIDX,
        LotSize.of(65), Price.ofPaise(5), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    desk.leader.holds(NIFTY_CE_KEY, 520);
    desk.leader.holds(OTHER, 260);
    copiedBefore(OTHER);

    Reconciliation result = reconcile(ReconcilePolicy.ALERT);

    assertThat(orders()).containsExactly("BUY 130 MARKET 35191");
    assertThat(result.checks()).extracting(PositionCheck::outcome, PositionCheck::target)
        .containsExactly(tuple(Outcome.CORRECTED, Optional.of(130)), tuple(Outcome.MISMATCH, Optional.of(65)));
    assertThat(result.checks().get(0).detail()).contains("adds the 130 the engine's copies owe");
    assertThat(result.checks().get(1).detail()).contains("policy alert: nothing else placed");
  }

  @Test
  void aLeaderPositionTheLedgerDoesNotExplainIsAnAuditEventOnceAndClearsWhenExplained() {
    LedgerCheck check = new LedgerCheck(desk.store, desk.clock);
    desk.leader.holds(NIFTY_CE_KEY, 520); // a fill no handled order accounts for

    assertThat(check.check(desk.leader.id(), desk.leader.positions(), List.of()))
        .extracting(LedgerCheck.Difference::ledger, LedgerCheck.Difference::broker).containsExactly(tuple(0, 520));
    check.check(desk.leader.id(), desk.leader.positions(), List.of());
    assertThat(desk.store.auditActions()).containsExactly("ledger_difference");

    desk.store.recordLeaderEvent(Frame.buy(520).id("L-0").market().filled(520).update(), Desk.START);
    assertThat(check.check(desk.leader.id(), desk.leader.positions(), List.of())).isEmpty();
  }

  @Test
  void aLeaderOrderStillOpenInThePositionIsNotADifference() {
    desk.leader.holds(NIFTY_CE_KEY, 260);

    assertThat(new LedgerCheck(desk.store, desk.clock).check(desk.leader.id(), desk.leader.positions(),
        List.of(Frame.buy(520).filled(260).status(OrderStatus.PART_TRADED).order()))).isEmpty();
    assertThat(desk.store.auditActions()).isEmpty();
  }

  @Test
  void resyncPlacesTheMissingLotsOnceUnderAnIdNamingTheRun() {
    desk.leader.holds(NIFTY_CE_KEY, 520);

    Reconciliation first = reconcile(ReconcilePolicy.RESYNC);
    Reconciliation again = reconcile(ReconcilePolicy.RESYNC);

    assertThat(orders()).containsExactly("BUY 130 MARKET 35191");
    OrderRequest sent = desk.quarter.placed.get(0);
    assertThat(sent.correlationId()).isEqualTo(CorrelationId.derive(
        OrderId.of("reconcile:20260105T091600:NSE_FNO:35191:INTRADAY"), desk.quarter.id(), "reconcile-open"));
    assertThat(first.checks()).singleElement().satisfies(check -> {
      assertThat(check.outcome()).isEqualTo(Outcome.CORRECTED);
      assertThat(check.orders()).extracting(CopyMapping::state).containsExactly(CopyState.PLACED);
    });
    // The first run's order is still open at the broker: the second waits for it rather than judging.
    assertThat(again.checks()).singleElement().extracting(PositionCheck::outcome).isEqualTo(Outcome.DEFERRED);
  }

  @Test
  void aPositionOnTargetIsInLine() {
    desk.leader.holds(NIFTY_CE_KEY, 520);
    desk.quarter.holds(NIFTY_CE_KEY, 130);

    Reconciliation result = reconcile(ReconcilePolicy.RESYNC);

    assertThat(result.checks()).singleElement().extracting(PositionCheck::outcome).isEqualTo(Outcome.IN_LINE);
    assertThat(desk.quarter.placed).isEmpty();
  }

  @Test
  void flatOnlyClosesACopiedPositionTheLeaderNoLongerHoldsAndLeavesTheFollowersOwnTrades() {
    copiedBefore(NIFTY_CE_KEY);
    desk.quarter.holds(NIFTY_CE_KEY, 195);
    desk.quarter.holds(OTHER, 65); // never copied: the follower's own

    Reconciliation result = reconcile(ReconcilePolicy.FLAT_ONLY);

    assertThat(orders()).containsExactly("SELL 195 MARKET 35191");
    assertThat(result.checks()).singleElement().satisfies(check -> {
      assertThat(check.instrument()).isEqualTo(NIFTY_CE_KEY);
      assertThat(check.target()).contains(0);
      assertThat(check.outcome()).isEqualTo(Outcome.CORRECTED);
    });
  }

  @Test
  void flatOnlyTrimsAnExcessButNeverAdds() {
    desk.leader.holds(NIFTY_CE_KEY, 520);
    desk.quarter.holds(NIFTY_CE_KEY, 260);
    assertThat(reconcile(ReconcilePolicy.FLAT_ONLY).checks()).singleElement()
        .extracting(PositionCheck::outcome).isEqualTo(Outcome.CORRECTED);
    assertThat(orders()).containsExactly("SELL 130 MARKET 35191");

    desk.quarter.placed.clear();
    desk.quarter.exchange(OrderId.of("QUARTER-1"), OrderStatus.TRADED, 130);
    desk.quarter.holds(NIFTY_CE_KEY, 65);
    assertThat(reconcile(ReconcilePolicy.FLAT_ONLY).checks()).singleElement().satisfies(check -> {
      assertThat(check.outcome()).isEqualTo(Outcome.MISMATCH);
      assertThat(check.detail()).contains("flat-only: the 65 missing are not added");
    });
    assertThat(desk.quarter.placed).isEmpty();
  }

  @Test
  void resyncOnTheWrongSideClosesFirstThenOpens() {
    desk.leader.holds(NIFTY_CE_KEY, 520);
    desk.quarter.holds(NIFTY_CE_KEY, -65);

    reconcile(ReconcilePolicy.RESYNC);

    assertThat(orders()).containsExactly("BUY 65 MARKET 35191", "BUY 130 MARKET 35191");
    assertThat(desk.store.copies.values()).extracting(CopyMapping::step)
        .containsExactly("reconcile-close", "reconcile-open");
  }

  @Test
  void resyncAdditionsObeyTheFollowersSwitch() {
    desk.leader.holds(NIFTY_CE_KEY, 520);
    Follower disabled = Desk.changed(Desk.follower(desk.quarter, new CapitalProportional()),
        s -> s.withEnabled(false));

    Reconciliation result = reconcile(disabled, ReconcilePolicy.RESYNC);

    assertThat(result.checks()).singleElement().satisfies(check -> {
      assertThat(check.outcome()).isEqualTo(Outcome.MISMATCH);
      assertThat(check.detail()).contains("the 130 missing are not added");
    });
    assertThat(desk.quarter.placed).isEmpty();
  }

  @Test
  void nothingIsJudgedWhileALeaderOrderInTheInstrumentIsOpenOrItsFillNotYetCopied() {
    desk.leader.holds(NIFTY_CE_KEY, 520);
    BrokerOrder open = leaderOrder("L-7", OrderStatus.PENDING, 0);
    desk.leader.shows(open);
    assertThat(reconcile(ReconcilePolicy.RESYNC).checks()).singleElement().satisfies(check -> {
      assertThat(check.outcome()).isEqualTo(Outcome.DEFERRED);
      assertThat(check.detail()).contains("leader order L-7 is still PENDING");
    });

    desk.leader.shows(leaderOrder("L-7", OrderStatus.TRADED, 520));
    assertThat(reconcile(ReconcilePolicy.RESYNC).checks()).singleElement().satisfies(check -> {
      assertThat(check.outcome()).isEqualTo(Outcome.DEFERRED);
      assertThat(check.detail()).contains("leader order L-7 filled 520, not yet handled");
    });
    assertThat(desk.quarter.placed).isEmpty();

    // Finished before the engine first ran today: history, part of the position, not waited for.
    Reconciliation withHistory = reconciliation(List.of(resync(desk.quarter)))
        .run("run-2", Set.of(OrderId.of("L-7")), Set.of());
    assertThat(withHistory.checks()).singleElement().extracting(PositionCheck::outcome)
        .isEqualTo(Outcome.CORRECTED);
    assertThat(orders()).containsExactly("BUY 130 MARKET 35191");
  }

  @Test
  void aLeaderOrderWaitingToBeHandledAgainDefersItsInstrument() {
    desk.leader.holds(NIFTY_CE_KEY, 520);
    desk.leader.shows(leaderOrder("L-1", OrderStatus.TRADED, 520));
    desk.store.recordLeaderEvent(LeaderOrder.buyEightLots().market().tradedAt("113").update(), Desk.START);
    copiedBefore(NIFTY_CE_KEY); // a copy of another leader order: L-1's own copy is what the retry would make
    desk.store.recordIntent(desk.store.find(CorrelationId.derive(OrderId.of("L-0"), desk.quarter.id(), "entry"))
        .map(c -> new CopyMapping(CorrelationId.derive(OrderId.of("L-1"), desk.quarter.id(), "exit"),
            OrderId.of("L-1"), c.follower(), "exit", c.instrument(), c.side(), c.leaderQuantity(), Quantity.ZERO,
            "test", CopyState.SKIPPED, Optional.empty(), Optional.of("test"), Desk.START, Desk.START))
        .orElseThrow());
    ReconcilePositions reconcile = reconciliation(List.of(resync(desk.quarter)));

    Reconciliation waiting = reconcile.run("run-3", Set.of(), Set.of(OrderId.of("L-1")));
    assertThat(waiting.checks()).singleElement().satisfies(check -> {
      assertThat(check.outcome()).isEqualTo(Outcome.DEFERRED);
      assertThat(check.detail()).contains("leader order L-1 waits to be handled again");
    });
    assertThat(desk.quarter.placed).isEmpty();

    Reconciliation handled = reconcile.run("run-4", Set.of(), Set.of());
    assertThat(handled.checks()).singleElement().extracting(PositionCheck::outcome).isEqualTo(Outcome.CORRECTED);
  }

  @Test
  void aCopyStillInFlightDefersThePosition() {
    desk.leader.holds(NIFTY_CE_KEY, 520);
    desk.store.recordIntent(new CopyMapping(CorrelationId.derive(OrderId.of("L-0"), desk.quarter.id(), "entry"),
        OrderId.of("L-0"), desk.quarter.id(), "entry", NIFTY_CE_KEY, Side.BUY, Quantity.of(520), Quantity.of(130),
        "test", CopyState.UNKNOWN, Optional.empty(), Optional.empty(), Desk.START, Desk.START));

    assertThat(reconcile(ReconcilePolicy.RESYNC).checks()).singleElement()
        .extracting(PositionCheck::outcome).isEqualTo(Outcome.DEFERRED);
    assertThat(desk.quarter.placed).isEmpty();
  }

  @Test
  void riskBasedSizingReconcilesTheSideOnly() {
    desk.leader.holds(NIFTY_CE_KEY, 520);
    Follower risky = Desk.follower(desk.quarter, new RiskBased(BigDecimal.TEN));
    desk.quarter.holds(NIFTY_CE_KEY, 65);
    assertThat(reconcile(risky, ReconcilePolicy.RESYNC).checks()).singleElement().satisfies(check -> {
      assertThat(check.outcome()).isEqualTo(Outcome.IN_LINE);
      assertThat(check.target()).isEmpty();
    });

    desk.quarter.holds(NIFTY_CE_KEY, -65);
    reconcile(risky, ReconcilePolicy.FLAT_ONLY);
    assertThat(orders()).containsExactly("BUY 65 MARKET 35191");
  }

  @Test
  void aReconciliationOrderTheBrokerNeverTookIsNotSentAgain() {
    desk.leader.holds(NIFTY_CE_KEY, 520);
    desk.quarter.nextPlace(request -> {
      throw new OutcomeUnknownException("read timed out", null);
    });
    reconcile(ReconcilePolicy.RESYNC);
    desk.clock.advance(Duration.ofSeconds(30));

    ResolutionPass pass = new ResolveInFlightCopies(desk.store, desk.leader,
        List.of(Desk.follower(desk.quarter, new CapitalProportional())), desk.clock,
        Duration.ofSeconds(20)).resolve();

    assertThat(pass.resolved()).singleElement().satisfies(copy -> {
      assertThat(copy.state()).isEqualTo(CopyState.FAILED);
      assertThat(copy.reason()).hasValueSatisfying(r -> assertThat(r).contains("never took this reconciliation"));
    });
    assertThat(pass.leaderOrdersToReplay()).isEmpty();
    assertThat(desk.quarter.placed).hasSize(1);
  }

  private BrokerOrder leaderOrder(String id, OrderStatus status, int filled) {
    return new BrokerOrder(desk.leader.id(), OrderId.of(id), Optional.empty(), status, Side.BUY, NIFTY_CE_KEY,
        ProductType.INTRADAY, OrderType.MARKET, Validity.DAY,
        Quantity.of(520), Quantity.of(filled), Price.ZERO, Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }
}
