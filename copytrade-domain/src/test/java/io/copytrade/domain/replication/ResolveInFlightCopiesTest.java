package io.copytrade.domain.replication;

import static io.copytrade.domain.replication.LeaderOrder.NIFTY_CE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.copytrade.domain.replication.FakeStore.KillPoint;
import io.copytrade.domain.replication.FakeStore.Killed;
import io.copytrade.domain.replication.ResolutionPass.Failure;
import io.copytrade.domain.replication.ResolutionPass.Pending;
import io.copytrade.ports.broker.BrokerUnavailableException;
import io.copytrade.ports.broker.RateLimitException;
import io.copytrade.ports.broker.OutcomeUnknownException;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.CorrelationId;
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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Copies a kill or a lost answer left INTENDED or UNKNOWN are found, waited for, or sent again exactly once. */
class ResolveInFlightCopiesTest {
  private static final Duration WINDOW = Duration.ofSeconds(20);

  private final Desk desk = new Desk();
  private final List<Follower> followers = desk.three(UnaryOperator.identity()).subList(0, 2);
  private final ResolveInFlightCopies resolver =
      new ResolveInFlightCopies(desk.store, desk.leader, () -> followers, desk.clock, WINDOW, desk.deferred);
  private Frame order = Frame.buy(520);

  /** The event is handled until the process is killed at {@code point} of {@code whose} copies. */
  private void killedAt(KillPoint point, FakeAccount whose) {
    killedAt(point, copy -> copy.follower().equals(whose.id()));
  }

  /** The event is handled until the process is killed at {@code point} of the copies {@code which} matches. */
  private void killedAt(KillPoint point, Predicate<CopyMapping> which) {
    desk.store.kill(point, which);
    assertThatThrownBy(() -> desk.replicateTo(followers).handle(order.update())).isInstanceOf(Killed.class);
    desk.store.restart();
    desk.leader.shows(order.order());
  }

  /** The copies are placed; the leader's order then goes to 780 and HALF's modify is killed at {@code point}. */
  private void placedThenModifiedUntilKilledAt(KillPoint point) {
    desk.replicateTo(followers).handle(order.update());
    order.quantity(780).later(1);
    killedAt(point, desk.half);
  }

  private CopyMapping halfEntry() {
    return desk.copy(desk.half, Step.ENTRY);
  }

  private Optional<String> lastOutcome() {
    List<AuditEntry> audits = desk.store.audits;
    return audits.get(audits.size() - 1).outcome();
  }

  @Test
  void aCopySentBeforeTheKillIsFoundByCorrelationId() {
    killedAt(KillPoint.BEFORE_UPDATE, desk.half);
    desk.half.exchange(OrderId.of("HALF-1"), OrderStatus.PENDING, 0);

    ResolutionPass pass = resolver.resolve();

    assertThat(pass.resolved()).extracting(CopyMapping::correlationId, CopyMapping::state,
        CopyMapping::followerOrderId).containsExactly(
            tuple(halfEntry().correlationId(), CopyState.PLACED, Optional.of(OrderId.of("HALF-1"))));
    assertThat(lastOutcome()).contains("found HALF-1 PENDING by correlation id");
    assertThat(desk.store.auditActions()).last().isEqualTo("copy_resolved");
    assertThat(desk.half.placed).hasSize(1);
    assertThat(pass.settled()).isTrue();
  }

  @Test
  void aCopyStillInTransitIsFoundInTheOrderBook() {
    killedAt(KillPoint.BEFORE_UPDATE, desk.half);

    ResolutionPass pass = resolver.resolve();

    assertThat(pass.resolved()).extracting(CopyMapping::state).containsExactly(CopyState.PLACED);
    assertThat(lastOutcome()).contains("found HALF-1 TRANSIT in the order book");
    assertThat(desk.half.placed).hasSize(1);
  }

  @Test
  void aCopyThrottledBeforeTheBrokerTookItIsSentAgainAtTheNextPassWithoutLookingForIt() {
    desk.half.nextPlace(request -> {
      throw new RateLimitException(null, "client-side rate limit reached for account HALF; nothing was sent");
    });
    desk.replicateTo(followers).handle(order.update());
    assertThat(halfEntry().state()).isEqualTo(CopyState.INTENDED);
    desk.leader.shows(order.order());
    desk.half.failLookups(new IllegalStateException("the copy was looked for"));
    desk.clock.advance(Duration.ofSeconds(2));

    ResolutionPass pass = resolver.resolve();

    assertThat(pass.placed()).extracting(CopyMapping::follower, CopyMapping::state)
        .containsExactly(tuple(desk.half.id(), CopyState.PLACED));
    assertThat(halfEntry().followerOrderId()).contains(OrderId.of("HALF-2"));
    assertThat(desk.half.writes).containsExactly("place BUY 260 LIMIT 112.5", "place BUY 260 LIMIT 112.5");
    assertThat(resolver.resolve().placed()).as("sent once more, not twice").isEmpty();
  }

  @Test
  void throttledAgainTheFollowersOtherThrottledCopiesWaitForTheNextPass() {
    ResolveInFlightCopies halfAlone = new ResolveInFlightCopies(desk.store, desk.leader,
        () -> followers.subList(1, 2), desk.clock, WINDOW, desk.deferred);
    for (int refused = 0; refused < 3; refused++) {
      desk.half.nextPlace(request -> {
        throw new BrokerUnavailableException(null, "POST orders: cannot connect, nothing was sent", null);
      });
    }
    Frame second = Frame.buy(520).id("L-2");
    desk.replicateTo(followers.subList(1, 2)).handle(order.update());
    desk.replicateTo(followers.subList(1, 2)).handle(second.update());
    desk.leader.shows(order.order()).shows(second.order());

    ResolutionPass throttled = halfAlone.resolve();
    ResolutionPass next = halfAlone.resolve();

    assertThat(throttled.placed()).extracting(CopyMapping::state).containsExactly(CopyState.INTENDED);
    assertThat(throttled.pending()).extracting(p -> p.copy().leaderOrderId()).containsExactly(OrderId.of("L-2"));
    assertThat(next.placed()).extracting(CopyMapping::leaderOrderId, CopyMapping::state).containsExactly(
        tuple(OrderId.of("L-1"), CopyState.PLACED), tuple(OrderId.of("L-2"), CopyState.PLACED));
    assertThat(desk.half.placed).hasSize(5);
  }

  @Test
  void aCopyThrottledBeforeARestartWaitsOutTheWindowLikeAnyIntent() {
    desk.half.nextPlace(request -> {
      throw new RateLimitException("DH-904", "Too many requests");
    });
    desk.replicateTo(followers).handle(order.update());
    desk.leader.shows(order.order());
    ResolveInFlightCopies afterRestart =
        new ResolveInFlightCopies(desk.store, desk.leader, followers, desk.clock, WINDOW);
    desk.clock.advance(Duration.ofSeconds(2));

    ResolutionPass pass = afterRestart.resolve();

    assertThat(pass.pending()).extracting(Pending::copy).containsExactly(halfEntry());
    assertThat(desk.half.placed).hasSize(1);
  }

  @Test
  void aCopyNotFoundWithinTheWindowIsPendingAndNothingIsPlaced() {
    killedAt(KillPoint.AFTER_INTENT, desk.half);
    desk.clock.advance(WINDOW.minusSeconds(1));

    ResolutionPass pass = resolver.resolve();

    assertThat(pass.pending()).extracting(Pending::copy).containsExactly(halfEntry());
    assertThat(pass.pending().get(0).reason()).contains("shows no order").contains("PT20S");
    assertThat(pass.settled()).isFalse();
    assertThat(halfEntry().state()).isEqualTo(CopyState.INTENDED);
    assertThat(desk.half.placed).isEmpty();
  }

  @Test
  void aCopyNotFoundAfterTheWindowIsPlacedOnceWithItsIdAndTheLeadersTermsNow() {
    killedAt(KillPoint.AFTER_INTENT, desk.half);
    desk.leader.shows(order.price("113").later(5).order()); // modified while the engine was down
    desk.clock.advance(WINDOW);

    ResolutionPass pass = resolver.resolve();
    ResolutionPass again = resolver.resolve();
    desk.replicateTo(followers).handle(order.update()); // the catch-up after the pass

    assertThat(desk.half.placed).containsExactly(new OrderRequest(desk.half.id(), halfEntry().correlationId(),
        Side.BUY, NIFTY_CE_KEY, ProductType.INTRADAY, OrderType.LIMIT, Validity.DAY, Quantity.of(260),
        Price.ofRupees("113"), Optional.empty()));
    assertThat(pass.placed()).extracting(CopyMapping::state, CopyMapping::followerOrderId)
        .containsExactly(tuple(CopyState.PLACED, Optional.of(OrderId.of("HALF-1"))));
    assertThat(pass.leaderOrdersToReplay()).containsExactly(LeaderOrder.ID);
    assertThat(desk.store.auditActions()).containsSubsequence("resend_order", "resend_order");
    assertThat(again).isEqualTo(ResolutionPass.NOTHING);
    assertThat(desk.half.writes).hasSize(1);
  }

  @Test
  void aCopyWhoseLeaderOrderWasCancelledFailsAndNothingIsPlaced() {
    killedAt(KillPoint.AFTER_INTENT, desk.half);
    desk.leader.shows(order.status(OrderStatus.CANCELLED).order());
    desk.clock.advance(WINDOW);

    ResolutionPass pass = resolver.resolve();

    assertThat(pass.resolved()).extracting(CopyMapping::state).containsExactly(CopyState.FAILED);
    assertThat(halfEntry().reason()).contains("leader order L-1 is CANCELLED");
    assertThat(desk.half.placed).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({"PENDING, 0, PLACED", "PART_TRADED, 130, PART_FILLED", "TRADED, 260, FILLED"})
  void anUnknownCopyFoundMovesToWhatTheBrokerShows(OrderStatus status, int filled, CopyState expected) {
    desk.half.losesNextAnswer(OrderStatus.TRANSIT);
    desk.replicateTo(followers).handle(order.update());
    assertThat(halfEntry().state()).isEqualTo(CopyState.UNKNOWN);
    desk.half.exchange(OrderId.of("HALF-1"), status, filled);

    ResolutionPass pass = resolver.resolve();

    assertThat(pass.resolved()).extracting(CopyMapping::state).containsExactly(expected);
    assertThat(halfEntry().followerOrderId()).contains(OrderId.of("HALF-1"));
    assertThat(desk.half.placed).hasSize(1);
  }

  @Test
  void aCopyFoundAfterItsLeaderOrderWasModifiedFollowsTheModificationWhenTheOrderIsHandledAgain() {
    ReplicateLeaderOrder replicate = desk.replicateTo(followers);
    desk.half.losesNextAnswer(OrderStatus.PENDING);
    replicate.handle(order.update());
    // The leader modifies while HALF's copy is unknown: nothing can be sent for it yet.
    replicate.handle(order.price("113").later(1).update());

    ResolutionPass pass = resolver.resolve();
    pass.leaderOrdersToReplay().forEach(id -> replicate.handle(order.later(1).update()));

    assertThat(pass.leaderOrdersToReplay()).containsExactly(OrderId.of("L-1"));
    assertThat(desk.quarter.writes).containsExactly("place BUY 130 LIMIT 112.5", "modify QUARTER-1 130 LIMIT 113");
    assertThat(desk.half.writes).containsExactly("place BUY 260 LIMIT 112.5", "modify HALF-1 260 LIMIT 113");
  }

  @Test
  void anUnknownCopyTheBrokerNeverGotIsSentAgainUnderTheSameIdAfterTheWindow() {
    desk.half.nextPlace(request -> {
      throw new OutcomeUnknownException("read timed out", null);
    });
    desk.replicateTo(followers).handle(order.update());
    desk.leader.shows(order.order());

    ResolutionPass early = resolver.resolve();
    desk.clock.advance(WINDOW);
    ResolutionPass late = resolver.resolve();

    assertThat(early.pending()).hasSize(1);
    assertThat(late.placed()).extracting(CopyMapping::state).containsExactly(CopyState.PLACED);
    assertThat(desk.half.placed).extracting(OrderRequest::correlationId)
        .containsExactly(halfEntry().correlationId(), halfEntry().correlationId());
    assertThat(desk.half.orderBook()).hasSize(1);
  }

  @Test
  void oneFollowersBrokerFailingDoesNotStopAnotherFromBeingResolved() {
    killedAt(KillPoint.AFTER_INTENT, copy -> true);
    desk.quarter.failLookups(new BrokerUnavailableException(null, "connection refused", null));
    desk.clock.advance(WINDOW);

    ResolutionPass pass = resolver.resolve();

    assertThat(pass.failures()).extracting(Failure::follower, Failure::correlationId).containsExactly(
        tuple(desk.quarter.id(), desk.copy(desk.quarter, Step.ENTRY).correlationId()));
    assertThat(pass.failures().get(0).error()).hasMessage("connection refused");
    assertThat(pass.placed()).extracting(CopyMapping::follower).containsExactly(desk.half.id());
    assertThat(desk.copy(desk.quarter, Step.ENTRY).state()).isEqualTo(CopyState.INTENDED);
    assertThat(desk.quarter.placed).isEmpty();
  }

  @Test
  void aLimitCopySentAgainAfterTheLeadersOrderTradedGoesAtMarketNotAtAPriceTheMarketLeft() {
    killedAt(KillPoint.AFTER_INTENT, desk.half); // the leader's limit order rests
    order.filled(520).later(1);
    desk.leader.shows(order.order()).holds(NIFTY_CE_KEY, 520);
    desk.clock.advance(WINDOW);

    resolver.resolve();

    assertThat(desk.half.writes).containsExactly("place BUY 260 MARKET 0");
  }

  @Test
  void aLimitCopySentAgainWhileTheLeadersOrderRestsKeepsItsPrice() {
    killedAt(KillPoint.AFTER_INTENT, desk.half);
    desk.clock.advance(WINDOW);

    resolver.resolve();

    assertThat(desk.half.writes).containsExactly("place BUY 260 LIMIT 112.5");
  }

  @ParameterizedTest(name = "leader net {0} -> {1}")
  @CsvSource({"520, PLACED", "0, FAILED"})
  void aTradedEntryIsSentOnlyWhileTheLeaderStillHoldsThePosition(int leaderNet, CopyState expected) {
    desk.leader.holds(NIFTY_CE_KEY, 520);
    order = order.market().filled(520);
    killedAt(KillPoint.AFTER_INTENT, desk.half);
    desk.leader.holds(NIFTY_CE_KEY, leaderNet);
    desk.clock.advance(WINDOW);

    resolver.resolve();

    assertThat(halfEntry().state()).isEqualTo(expected);
    assertThat(desk.half.placed).hasSize(expected == CopyState.PLACED ? 1 : 0);
  }

  @ParameterizedTest(name = "follower holds {0} -> {1}")
  @CsvSource({"260, PLACED", "65, FAILED"})
  void anExitIsSentAgainOnlyIfItCannotFlipTheFollower(int followerNet, CopyState expected) {
    desk.carries(desk.leader, NIFTY_CE_KEY, 520);
    desk.carries(desk.half, NIFTY_CE_KEY, 260);
    order = Frame.sell(520);
    killedAt(KillPoint.AFTER_INTENT, desk.half);
    desk.half.holds(NIFTY_CE_KEY, followerNet); // e.g. closed in part by hand while the engine was down
    desk.clock.advance(WINDOW);

    resolver.resolve();

    CopyMapping exit = desk.copy(desk.half, Step.EXIT);
    assertThat(exit.state()).isEqualTo(expected);
    assertThat(desk.half.placed).hasSize(expected == CopyState.PLACED ? 1 : 0);
    if (expected == CopyState.FAILED) {
      assertThat(exit.reason().orElseThrow()).contains("closing 260 more would flip it");
    }
  }

  @ParameterizedTest(name = "follower holds {0} -> second slice {1}")
  @CsvSource({"3510, PLACED", "2000, FAILED"})
  void exitSlicesSentAgainTogetherNeverCloseMoreThanIsHeld(int followerNet, CopyState second) {
    desk.carries(desk.leader, NIFTY_CE_KEY, 520);
    desk.carries(desk.half, NIFTY_CE_KEY, 3510); // two slices of 1755 under the freeze quantity of 1800
    order = Frame.sell(520);
    killedAt(KillPoint.AFTER_INTENT, copy -> copy.step().equals("exit-2"));
    desk.half.holds(NIFTY_CE_KEY, followerNet);
    desk.clock.advance(WINDOW);

    resolver.resolve();

    assertThat(List.of(desk.copy(desk.half, "exit"), desk.copy(desk.half, "exit-2")))
        .extracting(CopyMapping::state).containsExactly(CopyState.PLACED, second);
    assertThat(desk.half.writes).hasSize(second == CopyState.PLACED ? 2 : 1);
  }

  @Test
  void aModificationThatReachedTheBrokerIsResolvedByTheOrdersQuantity() {
    placedThenModifiedUntilKilledAt(KillPoint.BEFORE_UPDATE);

    ResolutionPass pass = resolver.resolve();

    assertThat(desk.half.writes).containsExactly("place BUY 260 LIMIT 112.5", "modify HALF-1 390 LIMIT 112.5");
    assertThat(pass.resolved()).extracting(CopyMapping::step, CopyMapping::state, CopyMapping::followerOrderId)
        .containsExactly(tuple("entry/m1", CopyState.PLACED, Optional.of(OrderId.of("HALF-1"))));
  }

  @Test
  void aModificationThatNeverLeftIsPendingThenFailsAndTheReplayMakesIt() {
    placedThenModifiedUntilKilledAt(KillPoint.AFTER_INTENT);

    ResolutionPass early = resolver.resolve();
    desk.clock.advance(WINDOW);
    ResolutionPass late = resolver.resolve();
    late.leaderOrdersToReplay().forEach(id -> desk.replicateTo(followers).handle(order.update()));

    assertThat(early.pending()).extracting(Pending::reason)
        .containsExactly("follower order HALF-1 is TRANSIT for 260, not 390 yet");
    assertThat(late.resolved()).extracting(CopyMapping::step, CopyMapping::state)
        .containsExactly(tuple("entry/m1", CopyState.FAILED));
    assertThat(desk.half.writes).containsExactly("place BUY 260 LIMIT 112.5", "modify HALF-1 390 LIMIT 112.5");
    assertThat(desk.copy(desk.half, "entry/m2").state()).isEqualTo(CopyState.PLACED);
  }

  @Test
  void aCopyOfAFollowerWithoutAnAccountInThisRunIsLeftPending() {
    killedAt(KillPoint.AFTER_INTENT, desk.half);
    desk.clock.advance(WINDOW);

    ResolutionPass pass = new ResolveInFlightCopies(desk.store, desk.leader, followers.subList(0, 1), desk.clock,
        WINDOW).resolve();

    assertThat(pass.pending()).extracting(Pending::reason)
        .containsExactly("follower HALF has no broker account in this run; resolve it by hand");
    assertThat(desk.half.placed).isEmpty();
  }

  @Test
  void theCorrelationIdOfAResentCopyIsTheIntents() {
    killedAt(KillPoint.AFTER_INTENT, desk.half);
    desk.clock.advance(WINDOW);

    resolver.resolve();

    assertThat(desk.half.placed).extracting(OrderRequest::correlationId)
        .containsExactly(CorrelationId.derive(LeaderOrder.ID, desk.half.id(), Step.ENTRY));
  }
}
