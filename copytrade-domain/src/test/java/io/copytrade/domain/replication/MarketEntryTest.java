package io.copytrade.domain.replication;

import static io.copytrade.domain.replication.LeaderOrder.NIFTY_CE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.copytrade.domain.risk.MaxPositionSizePct;
import io.copytrade.domain.sizing.SizingStrategy.CapitalProportional;
import io.copytrade.domain.sizing.SizingStrategy.FixedRatio;
import io.copytrade.domain.sizing.SizingStrategy.RiskBased;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.store.CopyMapping;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A market order has no premium until it fills: followers that need one are decided at the fill. */
class MarketEntryTest {
  private final Desk desk = new Desk();
  // QUARTER needs the premium for a position size limit, RISKY for its sizing; HALF needs none.
  private final ReplicateLeaderOrder replicate = desk.replicateTo(List.of(
      Desk.follower(desk.quarter, new CapitalProportional(), new MaxPositionSizePct(BigDecimal.TEN)),
      Desk.follower(desk.half, new FixedRatio(new BigDecimal("0.5"))),
      Desk.follower(desk.risky, new RiskBased(BigDecimal.TEN))));

  @Test
  void followersThatNeedAPremiumWaitForTheFillAndAreThenCopiedAtItsAveragePrice() {
    Frame buy = Frame.buy(520).market().status(OrderStatus.TRANSIT);

    replicate.handle(buy.update());

    assertThat(desk.half.writes).containsExactly("place BUY 260 MARKET 0");
    assertThat(desk.quarter.writes).isEmpty();
    assertThat(desk.risky.writes).isEmpty();
    assertThat(desk.steps(desk.quarter)).isEmpty(); // nothing recorded, so the fill decides afresh
    assertThat(desk.steps(desk.risky)).isEmpty();

    desk.carries(desk.leader, NIFTY_CE_KEY, 520);
    replicate.handle(buy.filled(520).tradedAt("112.50").later(1).update());

    assertThat(desk.half.writes).containsExactly("place BUY 260 MARKET 0");
    assertThat(desk.quarter.writes).containsExactly("place BUY 130 MARKET 0"); // 14,625 within 25,000
    assertThat(desk.risky.writes).containsExactly("place BUY 195 MARKET 0");
  }

  @Test
  void aMarketOrderFinishedWithoutAPriceIsStillSkippedWithItsReason() {
    desk.carries(desk.leader, NIFTY_CE_KEY, 520);

    replicate.handle(Frame.buy(520).market().filled(520).update());

    assertThat(desk.risky.writes).isEmpty();
    CopyMapping risky = desk.copy(desk.risky, "entry");
    assertThat(risky.state()).isEqualTo(CopyState.SKIPPED);
    assertThat(risky.reason().orElseThrow()).contains("no price to size by");
    CopyMapping quarter = desk.copy(desk.quarter, "entry");
    assertThat(quarter.state()).isEqualTo(CopyState.SKIPPED);
    assertThat(quarter.reason().orElseThrow()).contains("premium of 130 contracts unknown");
  }
}
