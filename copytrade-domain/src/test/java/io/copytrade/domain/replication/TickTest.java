package io.copytrade.domain.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.copytrade.domain.sizing.SizingStrategy.CapitalProportional;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Copies are priced on the instrument's tick (5 paise here), never worse for the follower than the leader. */
class TickTest {
  private final Desk desk = new Desk();
  private final ReplicateLeaderOrder replicate =
      desk.replicateTo(List.of(Desk.follower(desk.quarter, new CapitalProportional())));

  @Test
  void aBuyBetweenTicksIsCopiedAtTheTickBelow() {
    replicate.handle(Frame.buy(520).price("112.53").update());

    assertThat(desk.quarter.writes).containsExactly("place BUY 130 LIMIT 112.5");
  }

  @Test
  void aSellBetweenTicksIsCopiedAtTheTickAbove() {
    replicate.handle(Frame.sell(520).price("112.53").update());

    assertThat(desk.quarter.writes).containsExactly("place SELL 130 LIMIT 112.55");
  }

  @Test
  void aModifyToAPriceBetweenTicksIsSentOnTheTickAndNotRepeated() {
    Frame order = Frame.buy(520);
    replicate.handle(order.update());
    replicate.handle(order.price("113.02").later(1).update());
    replicate.handle(order.update());

    assertThat(desk.quarter.writes).containsExactly("place BUY 130 LIMIT 112.5", "modify QUARTER-1 130 LIMIT 113");
  }
}
