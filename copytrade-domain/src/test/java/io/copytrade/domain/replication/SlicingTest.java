package io.copytrade.domain.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.Quantity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Orders above the freeze quantity go as slices, each under it and a whole number of lots. */
class SlicingTest {
  private static final Instrument FREEZE_1755 = new Instrument(LeaderOrder.NIFTY_CE_KEY,
      LeaderOrder.NIFTY_CE.tradingSymbol(), "NIFTY", LeaderOrder.NIFTY_CE.type(), LeaderOrder.NIFTY_CE.lotSize(),
      LeaderOrder.NIFTY_CE.tickSize(), LeaderOrder.NIFTY_CE.expiry(), LeaderOrder.NIFTY_CE.strike(),
      LeaderOrder.NIFTY_CE.optionType(), Optional.of(Quantity.of(1755)));

  private final Desk desk = new Desk();

  SlicingTest() {
    desk.catalogue.with(FREEZE_1755);
  }

  @Test
  void anEntryAboveTheFreezeQuantityIsPlacedInSlices() {
    // HALF: 0.5 x 6000 = 3000 contracts = 46 lots = 2990: 27 lots (1755) then 19 (1235).
    desk.replicateTo(desk.three(settings -> settings).subList(1, 2)).handle(Frame.buy(6000).update());

    assertThat(desk.half.writes).containsExactly("place BUY 1755 LIMIT 112.5", "place BUY 1235 LIMIT 112.5");
    assertThat(desk.steps(desk.half)).containsExactly("entry", "entry-2");
    assertThat(desk.copy(desk.half, "entry-2").sizing()).endsWith("(slice 2 of 2)");
  }

  @Test
  void anExitAboveTheFreezeQuantityIsPlacedInSlices() {
    desk.carries(desk.leader, LeaderOrder.NIFTY_CE_KEY, 6000);
    desk.carries(desk.half, LeaderOrder.NIFTY_CE_KEY, 2990);

    desk.replicateTo(desk.three(settings -> settings).subList(1, 2)).handle(Frame.sell(6000).update());

    assertThat(desk.half.writes).containsExactly("place SELL 1755 LIMIT 112.5", "place SELL 1235 LIMIT 112.5");
    assertThat(desk.steps(desk.half)).containsExactly("exit", "exit-2");
  }

  @Test
  void aModifyThatNeedsAnotherSlicePlacesIt() {
    ReplicateLeaderOrder replicate = desk.replicateTo(desk.three(settings -> settings).subList(1, 2));
    Frame order = Frame.buy(3000);
    replicate.handle(order.update()); // 1500 -> 23 lots = 1495

    replicate.handle(order.quantity(6000).later(1).update());

    assertThat(desk.half.writes).containsExactly("place BUY 1495 LIMIT 112.5", "modify HALF-1 1755 LIMIT 112.5",
        "place BUY 1235 LIMIT 112.5");
  }

  @Test
  void slicesAreWholeLotsUnderTheFreezeQuantity() {
    assertThat(Slices.of(Quantity.of(2990), LeaderOrder.NIFTY_CE.lotSize(), Optional.of(Quantity.of(1755))))
        .containsExactly(Quantity.of(1755), Quantity.of(1235));
    assertThat(Slices.of(Quantity.of(130), LeaderOrder.NIFTY_CE.lotSize(), Optional.empty()))
        .containsExactly(Quantity.of(130));
  }
}
