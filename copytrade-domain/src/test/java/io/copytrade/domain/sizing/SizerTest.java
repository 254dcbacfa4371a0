package io.copytrade.domain.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.copytrade.domain.sizing.SizingDecision.Place;
import io.copytrade.domain.sizing.SizingDecision.Skip;
import io.copytrade.domain.sizing.SizingStrategy.CapitalProportional;
import io.copytrade.domain.sizing.SizingStrategy.FixedRatio;
import io.copytrade.domain.sizing.SizingStrategy.RiskBased;
import io.copytrade.ports.model.LotSize;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.Quantity;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizerTest {
  private static final LotSize NIFTY_LOT = LotSize.of(65);
  private static final Money LEADER_CAPITAL = Money.ofRupees("1000000");
  private static final Price PREMIUM = Price.ofRupees("112.50");

  private static SizingInput leaderEightLots(Money followerCapital) {
    return new SizingInput(Quantity.of(520), NIFTY_LOT, LEADER_CAPITAL, followerCapital, PREMIUM);
  }

  @Test
  void capitalProportionalScalesByCapitalRatioToWholeLots() {
    assertThat(Sizer.size(new CapitalProportional(), leaderEightLots(Money.ofRupees("250000"))))
        .isEqualTo(new Place(Quantity.of(130), "250000.00/1000000.00 = 0.25 x 520 = 130.00 -> 2 lots of 65"));
  }

  @Test
  void capitalProportionalRoundsDownNotToNearest() {
    // 0.3 x 520 = 156 contracts = 2.4 lots: 2 lots, never 3.
    assertThat(Sizer.size(new CapitalProportional(), leaderEightLots(Money.ofRupees("300000"))))
        .isEqualTo(new Place(Quantity.of(130), "300000.00/1000000.00 = 0.3 x 520 = 156.00 -> 2 lots of 65"));
  }

  @Test
  void justShortOfTwoLotsIsOneLot() {
    // 129.99987 contracts: a hair under 2 lots is 1 lot; nothing rounds to the nearest 130.
    assertThat(Sizer.size(new CapitalProportional(), leaderEightLots(Money.ofRupees("249999.75"))))
        .isEqualTo(new Place(Quantity.of(65),
            "249999.75/1000000.00 = 0.249999 x 520 = 129.99 -> 1 lots of 65"));
  }

  @Test
  void fixedRatioMultipliesLeaderQuantity() {
    assertThat(Sizer.size(new FixedRatio(new BigDecimal("0.5")), leaderEightLots(Money.ofRupees("1"))))
        .isEqualTo(new Place(Quantity.of(260), "0.5 x 520 = 260.00 -> 4 lots of 65"));
  }

  @Test
  void fixedRatioFloorsAFractionalResult() {
    assertThat(Sizer.size(new FixedRatio(new BigDecimal("0.3333")), leaderEightLots(Money.ofRupees("1"))))
        .isEqualTo(new Place(Quantity.of(130), "0.3333 x 520 = 173.31 -> 2 lots of 65"));
  }

  @Test
  void riskBasedBuysWhatFitsInTheShareOfCapitalIgnoringLeaderQuantity() {
    // floor(25000 / (112.50 x 65 = 7312.50)) = floor(3.41) = 3 lots.
    SizingInput in = new SizingInput(Quantity.of(6500), NIFTY_LOT, LEADER_CAPITAL, Money.ofRupees("250000"),
        PREMIUM);
    assertThat(Sizer.size(new RiskBased(BigDecimal.TEN), in)).isEqualTo(new Place(Quantity.of(195),
        "10% of 250000.00 = 25000.00 / premium 112.50 = 222.22 -> 3 lots of 65"));
  }

  @Test
  void riskBasedWithoutPremiumSkips() {
    SizingInput in = new SizingInput(Quantity.of(520), NIFTY_LOT, LEADER_CAPITAL, Money.ofRupees("250000"),
        Price.ZERO);
    assertThat(Sizer.size(new RiskBased(BigDecimal.TEN), in))
        .isEqualTo(new Skip("10% of 250000.00 = 25000.00 at premium 0.00: no price to size by"));
  }

  @Test
  void riskBasedUnderOneLotSkips() {
    SizingInput in = new SizingInput(Quantity.of(520), NIFTY_LOT, LEADER_CAPITAL, Money.ofRupees("10000"),
        PREMIUM);
    assertThat(Sizer.size(new RiskBased(BigDecimal.ONE), in)).isEqualTo(
        new Skip("1% of 10000.00 = 100.00 / premium 112.50 = 0.88 contracts is under one lot of 65"));
  }

  @Test
  void underOneLotSkipsWithTheNumbersInsteadOfForcingOneLot() {
    assertThat(Sizer.size(new CapitalProportional(), leaderEightLots(Money.ofRupees("50000"))))
        .isEqualTo(new Skip("50000.00/1000000.00 = 0.05 x 520 = 26.00 contracts is under one lot of 65"));
  }

  static Stream<SizingStrategy> strategies() {
    return Stream.of(new CapitalProportional(), new FixedRatio(BigDecimal.ONE), new RiskBased(BigDecimal.TEN));
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void zeroFollowerCapitalSkips(SizingStrategy strategy) {
    assertThat(Sizer.size(strategy, leaderEightLots(Money.ZERO)))
        .isEqualTo(new Skip("follower capital 0.00 is not positive"));
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void negativeLeaderCapitalSkips(SizingStrategy strategy) {
    SizingInput in = new SizingInput(Quantity.of(520), NIFTY_LOT, Money.ofRupees("-1"),
        Money.ofRupees("250000"), PREMIUM);
    assertThat(Sizer.size(strategy, in)).isEqualTo(new Skip("leader capital -1.00 is not positive"));
  }

  @Test
  void hugeRatioBeyondIntContractsSkipsInsteadOfOverflowing() {
    SizingDecision decision =
        Sizer.size(new FixedRatio(new BigDecimal("1e12")), leaderEightLots(Money.ofRupees("1")));
    assertThat(decision).isEqualTo(new Skip("1000000000000 x 520 = 520000000000000.00 -> 8000000000000 lots of 65"
        + " = 520000000000000 contracts exceeds the largest order, 2147483647"));
  }

  @Test
  void hugeCapitalRatioSkipsInsteadOfOverflowing() {
    SizingInput in = new SizingInput(Quantity.of(Integer.MAX_VALUE), LotSize.of(1), Money.ofPaise(1),
        Money.ofPaise(Long.MAX_VALUE), PREMIUM);
    assertThat(Sizer.size(new CapitalProportional(), in)).isInstanceOf(Skip.class)
        .extracting(decision -> ((Skip) decision).reason()).asString()
        .endsWith("contracts exceeds the largest order, 2147483647");
  }

  @Test
  void largestWholeLotQuantityUnderIntMaxIsPlaced() {
    int lots = Integer.MAX_VALUE / 65;
    SizingInput in = new SizingInput(Quantity.of(lots * 65), NIFTY_LOT, LEADER_CAPITAL, LEADER_CAPITAL,
        PREMIUM);
    assertThat(Sizer.size(new CapitalProportional(), in))
        .isEqualTo(new Place(Quantity.of(lots * 65), "1000000.00/1000000.00 = 1 x " + lots * 65 + " = "
            + lots * 65 + ".00 -> " + lots + " lots of 65"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-0.5"})
  void fixedRatioMustBePositive(String ratio) {
    assertThatIllegalArgumentException().isThrownBy(() -> new FixedRatio(new BigDecimal(ratio)))
        .withMessageContaining(ratio);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "100.01"})
  void riskBasedPercentMustBeWithinZeroToHundred(String pct) {
    assertThatIllegalArgumentException().isThrownBy(() -> new RiskBased(new BigDecimal(pct)))
        .withMessageContaining(pct);
  }

  @Test
  void strategiesHaveTheirConfigurationNames() {
    assertThat(strategies().map(SizingStrategy::name))
        .containsExactly("capital_proportional", "fixed_ratio", "risk_based");
  }
}
