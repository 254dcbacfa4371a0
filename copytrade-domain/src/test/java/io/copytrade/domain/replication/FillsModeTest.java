package io.copytrade.domain.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.copytrade.ports.model.OrderStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Copy mode FILLS: followers copy only what the leader filled, carrying remainders under one lot. */
class FillsModeTest {
  private static final String LOT = "place BUY 65 MARKET 0";

  private final Desk desk = new Desk();
  private final ReplicateLeaderOrder replicate =
      desk.replicateTo(desk.three(settings -> settings.withCopyMode(CopyMode.FILLS)));
  private final Frame order = Frame.buy(520);

  private void leaderFilled(int cumulative) {
    desk.leader.holds(LeaderOrder.NIFTY_CE_KEY, cumulative);
    replicate.handle(order.filled(cumulative).update());
  }

  @Test
  void partialFillsAreCopiedFromTheCumulativeFillNeverAboveTheShareAndEndingAtIt() {
    replicate.handle(order.update());
    assertThat(desk.quarter.writes).isEmpty();

    leaderFilled(65); // QUARTER 16.25, HALF 32.5: under a lot; RISKY sizes by capital: 195 at once
    leaderFilled(130); // QUARTER 32.5: still nothing; HALF 65
    assertThat(desk.quarter.writes).isEmpty();
    leaderFilled(260); // QUARTER 65, HALF 130
    assertThat(desk.quarter.writes).containsExactly(LOT);
    leaderFilled(520); // QUARTER 130 = floor(0.25 x 520), HALF 260
    leaderFilled(520);

    assertThat(desk.quarter.writes).containsExactly(LOT, LOT);
    assertThat(desk.half.writes).containsExactly(LOT, LOT, "place BUY 130 MARKET 0");
    assertThat(desk.risky.writes).containsExactly("place BUY 195 MARKET 0");
    assertThat(desk.steps(desk.quarter)).containsExactly("fill-unsent-65", "fill-unsent-130", "fill-65",
        "fill-130");
    assertThat(desk.copy(desk.quarter, "fill-unsent-65").reason()).hasValueSatisfying(
        reason -> assertThat(reason).endsWith("16.25 contracts is under one lot of 65"));
  }

  @Test
  void aFillStampedBeforeTheLastEventSeenIsCopiedAndAFillBelowItIsNot() {
    replicate.handle(order.later(2).update());

    desk.carries(desk.leader, LeaderOrder.NIFTY_CE_KEY, 260);
    replicate.handle(order.filled(260).later(-1).update());
    replicate.handle(order.filled(130).update());

    assertThat(desk.quarter.writes).containsExactly(LOT);
    assertThat(desk.half.writes).containsExactly("place BUY 130 MARKET 0");
  }

  @Test
  void aLeaderCancelAfterAPartialFillCancelsNothingBecauseNothingRests() {
    leaderFilled(260);

    replicate.handle(order.status(OrderStatus.CANCELLED).update());

    assertThat(desk.quarter.writes).containsExactly(LOT);
    assertThat(desk.half.writes).containsExactly("place BUY 130 MARKET 0");
    assertThat(desk.risky.writes).containsExactly("place BUY 195 MARKET 0");
    assertThat(List.of(desk.quarter, desk.half, desk.risky)).allSatisfy(
        account -> assertThat(account.writes).noneMatch(w -> w.startsWith("cancel")));
  }
}
