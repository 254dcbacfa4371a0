package io.copytrade.domain.replication;

import static io.copytrade.domain.replication.LeaderOrder.NIFTY_CE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copytrade.ports.model.CopyState;
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
    desk.leader.holds(NIFTY_CE_KEY, 520);
    desk.quarter.holds(NIFTY_CE_KEY, 130);
    desk.half.holds(NIFTY_CE_KEY, 260);
    desk.risky.holds(NIFTY_CE_KEY, 195);
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
    desk.leader.holds(NIFTY_CE_KEY, 0); // the positions already show the sell
    desk.quarter.holds(NIFTY_CE_KEY, 130);

    replicate.handle(Frame.sell(520).market().filled(520).update());

    assertThat(desk.quarter.writes).containsExactly("place SELL 130 MARKET 0");
  }

  @Test
  void aFollowerWithoutThePositionSkipsTheExitWithItsReason() {
    desk.leader.holds(NIFTY_CE_KEY, 520);
    desk.half.holds(NIFTY_CE_KEY, -65); // short: selling would add to it

    replicate.handle(Frame.sell(520).update());

    assertThat(desk.quarter.writes).isEmpty();
    assertThat(desk.half.writes).isEmpty();
    CopyMapping skipped = desk.copy(desk.half, "exit");
    assertThat(skipped.state()).isEqualTo(CopyState.SKIPPED);
    assertThat(skipped.reason()).contains(
        "exit: follower holds no long position in NSE_FNO:35191 INTRADAY to close (net -65)");
    assertThat(desk.store.auditActions()).contains("copy_skipped");
  }

  @Test
  void aLeaderGoingThroughFlatClosesTheFollowerAndEntersTheRestByCapital() {
    desk.leader.holds(NIFTY_CE_KEY, 520);
    desk.quarter.holds(NIFTY_CE_KEY, 130);
    ReplicateLeaderOrder enabled = desk.replicateTo(desk.three(settings -> settings).subList(0, 1));

    enabled.handle(Frame.sell(780).price("120").update());

    // Closes its 130 (never more), then 0.25 x the 260 beyond flat = 65 short.
    assertThat(desk.quarter.writes).containsExactly("place SELL 130 LIMIT 120", "place SELL 65 LIMIT 120");
    assertThat(desk.steps(desk.quarter)).containsExactly("exit", "entry");
  }

  @Test
  void aLeaderCuttingItsExitCutsTheFollowersAndCancelsWhatFallsUnderALot() {
    desk.leader.holds(NIFTY_CE_KEY, 520);
    desk.quarter.holds(NIFTY_CE_KEY, 130);
    Frame exit = Frame.sell(260).price("120");
    replicate.handle(exit.update());

    replicate.handle(exit.quantity(130).later(1).update()); // a quarter of the leader's: under a lot
    assertThat(desk.quarter.writes).containsExactly("place SELL 65 LIMIT 120", "cancel QUARTER-1");
  }

  /** The leader's 520 long and the followers' 260, 130 and 130. */
  private void leaderAndFollowersHoldHalfAndQuarters() {
    desk.leader.holds(NIFTY_CE_KEY, 520);
    desk.half.holds(NIFTY_CE_KEY, 260);
    desk.quarter.holds(NIFTY_CE_KEY, 130);
    desk.risky.holds(NIFTY_CE_KEY, 130);
  }

  @Test
  void aMarketExitWhosePositionsAlreadyShowItsFillIsStillAHalfExit() {
    leaderAndFollowersHoldHalfAndQuarters();
    desk.leader.holds(NIFTY_CE_KEY, 260); // read after the order filled
    desk.leader.shows(Frame.sell(260).market().filled(260).order());

    replicate.handle(Frame.sell(260).market().status(OrderStatus.TRANSIT).update());

    assertThat(desk.half.writes).containsExactly("place SELL 130 MARKET 0");
    assertThat(desk.quarter.writes).containsExactly("place SELL 65 MARKET 0");
    assertThat(desk.risky.writes).containsExactly("place SELL 65 MARKET 0");
  }

  @Test
  void aLeaderOrderFillingWhileItsPositionsAreReadIsReadAgain() {
    leaderAndFollowersHoldHalfAndQuarters();
    desk.leader.shows(Frame.sell(260).market().status(OrderStatus.TRANSIT).order());
    boolean[] filled = {false};
    desk.leader.onPositions(() -> {
      if (filled[0]) return;
      filled[0] = true;
      desk.leader.holds(NIFTY_CE_KEY, 260);
      desk.leader.exchange(OrderId.of("L-1"), OrderStatus.TRADED, 260);
    });

    replicate.handle(Frame.sell(260).market().status(OrderStatus.TRANSIT).update());

    assertThat(desk.half.writes).containsExactly("place SELL 130 MARKET 0");
  }

  @Test
  void anExitIsNotSizedFromPositionsTheLeadersOrderKeepsFillingThrough() {
    leaderAndFollowersHoldHalfAndQuarters();
    desk.leader.shows(Frame.sell(260).market().status(OrderStatus.TRANSIT).order());
    int[] fills = {0};
    desk.leader.onPositions(() -> {
      fills[0] += 65;
      desk.leader.holds(NIFTY_CE_KEY, 520 - fills[0]);
      desk.leader.exchange(OrderId.of("L-1"), OrderStatus.PART_TRADED, fills[0]);
    });

    assertThatThrownBy(() -> replicate.handle(Frame.sell(260).market().status(OrderStatus.TRANSIT).update()))
        .isInstanceOf(ReplicationIncompleteException.class);
    assertThat(desk.half.writes).isEmpty();
    assertThat(desk.steps(desk.half)).isEmpty(); // nothing recorded: the next event tries again
  }

  @Test
  void aSecondExitWhileTheFirstExitCopyStillRestsNeverFlipsTheFollower() {
    leaderAndFollowersHoldHalfAndQuarters();
    Frame first = Frame.sell(260).price("120");
    replicate.handle(first.update());
    desk.leader.holds(NIFTY_CE_KEY, 260); // only the leader's order trades; the copies still rest
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
    replicate.handle(resting.update()); // the leader's whole position rests under a limit exit, and the copies
    desk.leader.shows(resting.order());
    desk.leader.holds(NIFTY_CE_KEY, 260); // then it sells half at market, the limit order still resting

    replicate.handle(Frame.sell(260).id("L-2").market().filled(260).later(1).update());

    // Half of each follower's position, as the leader sold half of its own: if the limit orders fill later,
    // leader and followers go short in proportion.
    assertThat(desk.half.writes).containsExactly("place SELL 260 LIMIT 120", "place SELL 130 MARKET 0");
    assertThat(desk.quarter.writes).containsExactly("place SELL 130 LIMIT 120", "place SELL 65 MARKET 0");
  }

  @Test
  void anExitWhollyUnderOpenOrdersAlreadyIsSkippedWithItsReason() {
    leaderAndFollowersHoldHalfAndQuarters();
    Frame first = Frame.sell(520).price("120");
    replicate.handle(first.update()); // every follower's whole position now rests under its exit
    desk.leader.holds(NIFTY_CE_KEY, 0);
    replicate.handle(first.filled(520).later(1).update());
    desk.leader.holds(NIFTY_CE_KEY, 65); // the leader bought 65 back, then sells them
    replicate.handle(Frame.sell(65).id("L-2").price("120").later(2).update());

    assertThat(desk.quarter.writes).containsExactly("place SELL 130 LIMIT 120");
    assertThat(desk.store.copies.values()).filteredOn(copy -> copy.follower().equals(desk.quarter.id())
        && copy.leaderOrderId().equals(OrderId.of("L-2")))
        .singleElement().satisfies(copy -> {
          assertThat(copy.state()).isEqualTo(CopyState.SKIPPED);
          assertThat(copy.reason().orElseThrow())
              .endsWith("capped at 0: 130 of the 130 held is already under open SELL orders whose leader orders"
                  + " have traded");
        });
  }
}
