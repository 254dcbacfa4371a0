package io.copytrade.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.copytrade.domain.risk.RiskDecision.Allow;
import io.copytrade.domain.risk.RiskDecision.Reject;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.InstrumentType;
import io.copytrade.ports.model.LotSize;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaxPositionSizePctTest {
  static final Instrument NIFTY_CE = new Instrument(InstrumentKey.of(ExchangeSegment.NSE_FNO, "35191"),
      "NIFTY-Dec2026-25000-CE", "NIFTY", InstrumentType.OPTIDX, LotSize.of(65), Price.ofPaise(5),
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  private static final MaxPositionSizePct TEN_PCT = new MaxPositionSizePct(BigDecimal.TEN);
  private static final Money CAPITAL = Money.ofRupees("100000");

  private static RiskCheck order(int quantity, String premium) {
    return check(quantity, premium, CAPITAL);
  }

  static RiskCheck check(int quantity, String premium, Money capital) {
    return new RiskCheck(Quantity.of(quantity), Price.ofRupees(premium), capital, NIFTY_CE, ProductType.INTRADAY,
        List::of, () -> {
          throw new UnsupportedOperationException("no margin");
        });
  }

  @Test
  void allowsAnOrderWorthExactlyTheLimit() {
    assertThat(TEN_PCT.check(order(100, "100.00"))).isEqualTo(new Allow());
  }

  @Test
  void allowsAnOrderUnderTheLimit() {
    assertThat(TEN_PCT.check(order(65, "153.84"))).isEqualTo(new Allow());
  }

  @Test
  void rejectsAnOrderOverTheLimitNamingValueLimitAndCapital() {
    assertThat(TEN_PCT.check(order(65, "153.85"))).isEqualTo(new Reject(
        "order value 10000.25 (65 x 153.85) exceeds limit 10000.00 (10% of capital 100000.00)"));
  }

  @Test
  void rejectsWhenThePremiumIsUnknownBecauseTheLimitCannotBeChecked() {
    assertThat(TEN_PCT.check(order(65, "0"))).isEqualTo(new Reject(
        "premium of 65 contracts unknown: order value cannot be checked against limit 10000.00 "
            + "(10% of capital 100000.00)"));
  }

  @Test
  void rejectsEverythingWhenCapitalIsZero() {
    assertThat(TEN_PCT.check(check(65, "1", Money.ZERO))).isInstanceOf(Reject.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "100.5"})
  void percentMustBeWithinZeroToHundred(String percent) {
    assertThatIllegalArgumentException().isThrownBy(() -> new MaxPositionSizePct(new BigDecimal(percent)))
        .withMessageContaining(percent);
  }

  @Test
  void isNamedAsConfigured() {
    assertThat(TEN_PCT.name()).isEqualTo("max_position_size_pct");
  }

  /** A rule with a fixed verdict, to test how verdicts combine. */
  private record Verdict(String name, RiskDecision decision) implements RiskRule {
    @Override
    public RiskDecision check(RiskCheck check) {
      return decision;
    }
  }

  @Test
  void noRulesAllow() {
    assertThat(RiskRules.firstRejection(List.of(), order(65, "1"))).isEqualTo(new Allow());
  }

  @Test
  void firstRejectionWins() {
    List<RiskRule> rules = List.of(new Verdict("ok", new Allow()), new Verdict("a", new Reject("first")),
        new Verdict("b", new Reject("second")));
    assertThat(RiskRules.firstRejection(rules, order(65, "1"))).isEqualTo(new Reject("first"));
  }

  @Test
  void allAllowingRulesAllow() {
    List<RiskRule> rules = List.of(new Verdict("ok", new Allow()), TEN_PCT);
    assertThat(RiskRules.firstRejection(rules, order(65, "1"))).isEqualTo(new Allow());
  }
}
