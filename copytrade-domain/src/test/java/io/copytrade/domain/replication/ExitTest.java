package io.copytrade.domain.replication;

import static io.copytrade.domain.replication.LeaderOrder.NIFTY_CE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.store.CopyMapping;
import org.junit.jupiter.api.Test;

/** Exits close the follower's own position, never more, and bypass entry filters. */
class ExitTest {
  private final Desk desk = new Desk();
  // Disabled followers take no entries, but must still be able to get out.
  private final ReplicateLeaderOrder replicate =
      desk.replicateTo(desk.three(settings -> settings.withEnabled(false)));

  /** The leader's 520 long, and each follower's copy of it, rounded to its own lots. */
  private void leaderAndFollowersHoldTheirEntries() {
    desk.carries(desk.leader, NIFTY_CE_KEY, 520);
    desk.carries(desk.quarter, NIFTY_CE_KEY, 130);
    desk.carries(desk.half, NIFTY_CE_KEY, 260);
    desk.carries(desk.risky, NIFTY_CE_KEY, 195);
  }

  @Test
  void aLeaderGoingFlatTakesEveryFollowerFlatWhateverItsEntryRoundedTo() {
    leaderAndFollowersHoldTheirEntries();

    replicate.handle(Frame.sell(520).price("120").update());

    assertThat(desk.quarter.writes).containsExactly("place SELL 130 LIMIT 120");
    assertThat(desk.half.writes).containsExactly("place SELL 260 LIMIT 120");
    assertThat(desk.risky.writes).containsExactly("place SELL 195 LIMIT 120");
    assertThat(desk.copy(desk.quarter, "exit").sizing())
        .isEqualTo("exit: leader closes all its 520, follower closes all its 130");
  }

  @Test
  void aLeaderSellingHalfSellsHalfOfEachFollowersPositionFlooredToLots() {
    leaderAndFollowersHoldTheirEntries();

    replicate.handle(Frame.sell(260).price("120").update());

    assertThat(desk.quarter.writes).containsExactly("place SELL 65 LIMIT 120");
    assertThat(desk.half.writes).containsExactly("place SELL 130 LIMIT 120");
    assertThat(desk.risky.writes).containsExactly("place SELL 65 LIMIT 120"); // 97.5 floors to 1 lot
  }

  @Test
  void anExitFirstSeenTradedIsSizedFromThePositionBeforeTheOrder() {
    desk.carries(desk.leader, NIFTY_CE_KEY, 520);
    desk.carries(desk.quarter, NIFTY_CE_KEY, 130);

    replicate.handle(Frame.sell(520).market().filled(520).update());

    assertThat(desk.quarter.writes).containsExactly("place SELL 130 MARKET 0");
  }

  @Test
  void aFollowerWithoutThePositionSkipsTheExitWithItsReason() {
    desk.carries(desk.leader, NIFTY_CE_KEY, 520);
    desk.carries(desk.half, NIFTY_CE_KEY, -65); // short, its own: selling would add to it

    replicate.handle(Frame.sell(520).update());

    assertThat(desk.quarter.writes).isEmpty();
    assertThat(desk.half.writes).isEmpty();
    CopyMapping skipped = desk.copy(desk.half, "exit");
    assertThat(skipped.state()).isEqualTo(CopyState.SKIPPED);
    assertThat(skipped.reason()).contains(
        "exit: follower holds no long position copied in NSE_FNO:35191 INTRADAY to close (net 0)");
    assertThat(desk.store.auditActions()).contains("copy_skipped");
  }

  @Test
  void aLeaderGoingThroughFlatClosesTheFollowerAndEntersTheRestByCapital() {
    desk.carries(desk.leader, NIFTY_CE_KEY, 520);
    desk.carries(desk.quarter, NIFTY_CE_KEY, 130);
    ReplicateLeaderOrder enabled = desk.replicateTo(desk.three(settings -> settings).subList(0, 1));

    enabled.handle(Frame.sell(780).price("120").update());

    // Closes its 130 (never more), then 0.25 x the 260 beyond flat = 65 short.
    assertThat(desk.quarter.writes).containsExactly("place SELL 130 LIMIT 120", "place SELL 65 LIMIT 120");
    assertThat(desk.steps(desk.quarter)).containsExactly("exit", "entry");
  }

  @Test
  void aLeaderCuttingItsExitCutsTheFollowersAndCancelsWhatFallsUnderALot() {
    desk.carries(desk.leader, NIFTY_CE_KEY, 520);
    desk.carries(desk.quarter, NIFTY_CE_KEY, 130);
    Frame exit = Frame.sell(260).price("120");
    replicate.handle(exit.update());

    replicate.handle(exit.quantity(130).later(1).update()); // a quarter of the leader's: under a lot
    assertThat(desk.quarter.writes).containsExactly("place SELL 65 LIMIT 120", "cancel QUARTER-1");
  }

  /** The leader's 520 long and the followers' 260, 130 and 130. */
  private void leaderAndFollowersHoldHalfAndQuarters() {
    desk.carries(desk.leader, NIFTY_CE_KEY, 520);
    desk.carries(desk.half, NIFTY_CE_KEY, 260);
    desk.carries(desk.quarter, NIFTY_CE_KEY, 130);
    desk.carries(desk.risky, NIFTY_CE_KEY, 130);
  }

  @Test
  void anExitIsSizedFromTheLedgerWhateverTheBrokersPositionsShowNow() {
    leaderAndFollowersHoldHalfAndQuarters();
    desk.leader.holds(NIFTY_CE_KEY, 0); // the broker's positions already show this sell and a later one
    desk.half.holds(NIFTY_CE_KEY, 0);

    replicate.handle(Frame.sell(260).market().filled(260).update());

    assertThat(desk.half.writes).containsExactly("place SELL 130 MARKET 0");
    assertThat(desk.quarter.writes).containsExactly("place SELL 65 MARKET 0");
    assertThat(desk.risky.writes).containsExactly("place SELL 65 MARKET 0");
  }

  @Test
  void anExitReadsNothingAtEitherBroker() {
    leaderAndFollowersHoldHalfAndQuarters();
    RuntimeException unreachable = new IllegalStateException("no broker read on the way to an exit");
    desk.leader.failPositions(unreachable);
    desk.half.failPositions(unreachable);

    replicate.handle(Frame.sell(260).market().status(OrderStatus.TRANSIT).update());

    assertThat(desk.half.writes).containsExactly("place SELL 130 MARKET 0");
  }

  @Test
  void missedOrdersHandledInARowAreEachSizedFromThePositionTheyMet() {
    // A downtime: the leader bought 520, sold 260, then the rest; the engine meets all three at once.
    Frame buy = Frame.buy(520).id("L-1").market().filled(520);
    Frame sellHalf = Frame.sell(260).id("L-2").market().filled(260).later(1);
    Frame sellRest = Frame.sell(260).id("L-3").market().filled(260).later(2);
    ReplicateLeaderOrder enabled = desk.replicateTo(desk.three(settings -> settings).subList(0, 2));

    enabled.handle(buy.update());
    enabled.handle(sellHalf.update());
    enabled.handle(sellRest.update());

    assertThat(desk.quarter.writes).containsExactly("place BUY 130 MARKET 0", "place SELL 65 MARKET 0",
        "place SELL 65 MARKET 0");
    assertThat(desk.half.writes).containsExactly("place BUY 260 MARKET 0", "place SELL 130 MARKET 0",
        "place SELL 130 MARKET 0");
  }

  @Test
  void aCopyFilledAheadOfItsRestingLeaderOrderIsNotClosedByAnExitMadeWithoutIt() {
    // The leader bought 260, rests a buy of 260, buys 260 more and sells 520: flat, its resting buy to fill
    // later. The engine met the resting buy; the follower's copy of it has already filled.
    ReplicateLeaderOrder enabled = desk.replicateTo(desk.three(settings -> settings).subList(0, 1));
    enabled.handle(Frame.buy(260).id("L-1").market().filled(260).update());
    enabled.handle(Frame.buy(260).id("L-2").price("112").later(1).update());
    OrderId copy = desk.store.find(CorrelationId.derive(OrderId.of("L-2"), desk.quarter.id(), "entry"))
        .flatMap(CopyMapping::followerOrderId).orElseThrow();
    desk.quarter.exchange(copy, OrderStatus.TRADED, 65);
    desk.store.recordFollowerOrder(desk.quarter.order(copy).orElseThrow(), Desk.START); // as its socket says

    enabled.handle(Frame.buy(260).id("L-3").market().filled(260).later(2).update());
    enabled.handle(Frame.sell(520).id("L-4").market().filled(520).later(3).update());

    // The leader's 520 were L-1 and L-3; so are the follower's 130. Its copy of L-2 stays, as L-2 will.
    assertThat(desk.quarter.writes).containsExactly("place BUY 65 MARKET 0", "place BUY 65 LIMIT 112",
        "place BUY 65 MARKET 0", "place SELL 130 MARKET 0");
  }

  @Test
  void aSecondExitWhileTheFirstExitCopyStillRestsNeverFlipsTheFollower() {
    leaderAndFollowersHoldHalfAndQuarters();
    Frame first = Frame.sell(260).price("120");
    replicate.handle(first.update()); // only the leader's order trades next; the copies still rest
    replicate.handle(first.filled(260).later(1).update());

    replicate.handle(Frame.sell(260).id("L-2").price("120").later(2).update());

    assertThat(desk.half.writes).containsExactly("place SELL 130 LIMIT 120", "place SELL 130 LIMIT 120");
    assertThat(desk.quarter.writes).containsExactly("place SELL 65 LIMIT 120", "place SELL 65 LIMIT 120");
    assertThat(desk.risky.writes).containsExactly("place SELL 65 LIMIT 120", "place SELL 65 LIMIT 120");
  }

  @Test
  void copiesOfLeaderOrdersStillRestingDoNotCapAnExit() {
    leaderAndFollowersHoldHalfAndQuarters();
    Frame resting = Frame.sell(520).price("120");
    // The leader's whole position rests under a limit exit, and the copies; then it sells half at market.
    replicate.handle(resting.update());

    replicate.handle(Frame.sell(260).id("L-2").market().filled(260).later(1).update());

    // Half of each follower's position, as the leader sold half of its own: if the limit orders fill later,
    // leader and followers go short in proportion.
    assertThat(desk.half.writes).containsExactly("place SELL 260 LIMIT 120", "place SELL 130 MARKET 0");
    assertThat(desk.quarter.writes).containsExactly("place SELL 130 LIMIT 120", "place SELL 65 MARKET 0");
  }

  @Test
  void anExitOfWhatTheFollowersCopiesAlreadyCloseIsSkippedWithItsReason() {
    leaderAndFollowersHoldHalfAndQuarters();
    Frame first = Frame.sell(520).price("120");
    replicate.handle(first.update()); // every follower's whole position now rests under its exit
    replicate.handle(first.filled(520).later(1).update()); // the leader's fills; the copies still rest
    replicate.handle(Frame.buy(65).id("L-2").market().filled(65).later(2).update()); // no entries: disabled
    replicate.handle(Frame.sell(65).id("L-3").price("120").later(3).update());

    assertThat(desk.quarter.writes).containsExactly("place SELL 130 LIMIT 120");
    CopyMapping skipped = desk.store.find(CorrelationId.derive(OrderId.of("L-3"), desk.quarter.id(), "exit"))
        .orElseThrow();
    assertThat(skipped.state()).isEqualTo(CopyState.SKIPPED);
    assertThat(skipped.reason()).contains(
        "exit: follower holds no long position copied in NSE_FNO:35191 INTRADAY to close (net 0)");
  }
}
