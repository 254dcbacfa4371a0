package io.copytrade.domain.replication;

import static io.copytrade.domain.replication.LeaderOrder.NIFTY_CE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.copytrade.domain.filter.EntryFilter.CopyWindow;
import io.copytrade.domain.filter.EntryFilter.InstrumentTypes;
import io.copytrade.domain.filter.EntryFilter.Products;
import io.copytrade.domain.filter.EntryFilter.Segments;
import io.copytrade.domain.filter.EntryFilter.Underlyings;
import io.copytrade.domain.filter.EntryFilters;
import io.copytrade.domain.replication.ReplicationResult.PauseSignal;
import io.copytrade.domain.risk.MarginCheck;
import io.copytrade.domain.risk.MaxDailyLoss;
import io.copytrade.domain.risk.MaxLotsPerOrder;
import io.copytrade.domain.risk.MaxOpenPositions;
import io.copytrade.domain.risk.RiskRule;
import io.copytrade.domain.sizing.SizingStrategy.CapitalProportional;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.InstrumentType;
import io.copytrade.ports.model.Margin;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.store.CopyMapping;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Entries pass the follower's filters and risk rules; a refusal is a SKIPPED copy with its reason. */
class EntryGateTest {
  private static final InstrumentKey OTHER = InstrumentKey.of(ExchangeSegment.NSE_FNO, "40000");

  private final Desk desk = new Desk();

  private CopyMapping entryOfQuarter(UnaryOperator<FollowerSettings> change, RiskRule... rules) {
    Follower quarter = Desk.changed(Desk.follower(desk.quarter, new CapitalProportional(), rules), change);
    desk.replicateTo(List.of(quarter)).handle(Frame.buy(520).update());
    return desk.copy(desk.quarter, "entry");
  }

  private static void assertSkipped(CopyMapping copy, String reason) {
    assertThat(copy.state()).isEqualTo(CopyState.SKIPPED);
    assertThat(copy.reason()).contains(reason);
  }

  static Stream<Arguments> filters() {
    EntryFilters d = EntryFilters.DEFAULTS;
    return Stream.of(
        Arguments.of(d.withSegments(new Segments(Set.of(ExchangeSegment.BSE_FNO))),
            "segment NSE_FNO is not among [BSE_FNO]"),
        Arguments.of(d.withInstrumentTypes(new InstrumentTypes(Set.of(InstrumentType.OPTSTK))),
            "instrument type OPTIDX is not among [OPTSTK]"),
        Arguments.of(d.withUnderlyings(new Underlyings(Set.of("banknifty"), Set.of())),
            "underlying NIFTY is not among [BANKNIFTY]"),
        Arguments.of(d.withUnderlyings(new Underlyings(Set.of(), Set.of("nifty"))), "underlying NIFTY is excluded"),
        Arguments.of(d.withProducts(new Products(Set.of(ProductType.MARGIN))),
            "product INTRADAY is not among [MARGIN]"),
        Arguments.of(d.withWindow(new CopyWindow(LocalTime.of(9, 30), LocalTime.of(15, 0))),
            "time 09:16 IST is outside the copy window 09:30-15:00"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("filters")
  void eachFilterSkipsAnEntryItDoesNotAllow(EntryFilters filters, String reason) {
    assertSkipped(entryOfQuarter(settings -> settings.withFilters(filters)), reason);
    assertThat(desk.quarter.writes).isEmpty();
    assertThat(desk.store.auditActions()).containsExactly("copy_skipped");
  }

  @Test
  void theDefaultFiltersAndAWindowAroundNowAllowANiftyOption() {
    EntryFilters open = EntryFilters.DEFAULTS.withWindow(new CopyWindow(LocalTime.of(9, 15), LocalTime.of(9, 17)));
    assertThat(entryOfQuarter(settings -> settings.withFilters(open)).state()).isEqualTo(CopyState.PLACED);
  }

  @Test
  void aDisabledFollowerTakesNoEntry() {
    assertSkipped(entryOfQuarter(settings -> settings.withEnabled(false)), "follower is disabled");
    assertThat(desk.quarter.writes).isEmpty();
  }

  @Test
  void theGlobalSwitchPausesEntries() {
    desk.store.setConfig(ReplicateLeaderOrder.COPY_ENABLED, "false", Desk.START);
    assertSkipped(entryOfQuarter(UnaryOperator.identity()), "copying is paused (copy_enabled = false)");
    assertThat(desk.quarter.writes).isEmpty();
  }

  @Test
  void theGlobalSwitchLetsExitsThrough() {
    desk.store.setConfig(ReplicateLeaderOrder.COPY_ENABLED, "false", Desk.START);
    desk.carries(desk.leader, NIFTY_CE_KEY, 520);
    desk.carries(desk.quarter, NIFTY_CE_KEY, 130);

    desk.replicateTo(List.of(Desk.follower(desk.quarter, new CapitalProportional(), new MaxLotsPerOrder(1))))
        .handle(Frame.sell(520).update());

    assertThat(desk.quarter.writes).containsExactly("place SELL 130 LIMIT 112.5");
  }

  @Test
  void maxLotsPerOrderSkipsALargerEntry() {
    assertSkipped(entryOfQuarter(UnaryOperator.identity(), new MaxLotsPerOrder(1)),
        "2 lots (130 contracts) exceeds max lots per order 1");
    assertThat(desk.quarter.writes).isEmpty();
  }

  @Test
  void maxOpenPositionsSkipsANewInstrumentBeyondTheLimit() {
    desk.carries(desk.quarter, OTHER, 65);
    assertSkipped(entryOfQuarter(UnaryOperator.identity(), new MaxOpenPositions(1)),
        "1 open positions already; a new position in NIFTY-Jan2026-25000-CE exceeds max open positions 1");
    assertThat(desk.quarter.writes).isEmpty();
  }

  @Test
  void maxOpenPositionsAllowsAddingToAPositionHeld() {
    desk.carries(desk.quarter, NIFTY_CE_KEY, 65);
    assertThat(entryOfQuarter(UnaryOperator.identity(), new MaxOpenPositions(1)).state())
        .isEqualTo(CopyState.PLACED);
  }

  @Test
  void reachingTheDailyLossSkipsTheEntryAndAsksForTheFollowerToBePaused() {
    desk.quarter.holds(OTHER, 0, "-5000.00");
    Follower quarter = Desk.follower(desk.quarter, new CapitalProportional(),
        new MaxDailyLoss(Money.ofRupees("5000")));

    ReplicationResult result = desk.replicateTo(List.of(quarter)).replicate(Frame.buy(520).update());

    String reason = "day profit and loss -5000.00 has reached max daily loss 5000.00";
    assertSkipped(desk.copy(desk.quarter, "entry"), reason);
    assertThat(result.pause()).containsExactly(new PauseSignal(desk.quarter.id(), reason));
    assertThat(desk.quarter.writes).isEmpty();
  }

  @Test
  void insufficientMarginSkipsWithTheBrokersNumbers() {
    desk.quarter.margin(request -> new Margin(Money.ofRupees("14625"), Money.ofRupees("10000"),
        Money.ofRupees("4625")));
    assertSkipped(entryOfQuarter(UnaryOperator.identity(), new MarginCheck()),
        "insufficient margin: required 14625.00, available 10000.00, shortfall 4625.00");
    assertThat(desk.quarter.writes).isEmpty();
  }
}
