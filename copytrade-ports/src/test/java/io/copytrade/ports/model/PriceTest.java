package io.copytrade.ports.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PriceTest {
  private static final Price FIVE_PAISE = Price.ofPaise(5);

  @Test
  void parsesDecimalTextExactly() {
    assertThat(Price.ofRupees("112.5")).isEqualTo(Price.ofPaise(11250));
    assertThat(Price.ofRupees("0")).isEqualTo(Price.ZERO);
    assertThat(Price.ofRupees("112.50").toRupeesText()).isEqualTo("112.5");
    assertThatThrownBy(() -> Price.ofRupees("112.555")).hasMessageContaining("112.555");
    assertThatThrownBy(() -> Price.ofRupees("-1")).hasMessageContaining("price < 0");
  }

  @Test
  void roundsToTheTickTowardsTheTradersSide() {
    Price offTick = Price.ofRupees("112.53");

    assertThat(offTick.roundedDownTo(FIVE_PAISE)).isEqualTo(Price.ofRupees("112.50"));
    assertThat(offTick.roundedUpTo(FIVE_PAISE)).isEqualTo(Price.ofRupees("112.55"));
    assertThat(Price.ofRupees("112.55").roundedDownTo(FIVE_PAISE)).isEqualTo(Price.ofRupees("112.55"));
    assertThat(Price.ofRupees("112.55").roundedUpTo(FIVE_PAISE)).isEqualTo(Price.ofRupees("112.55"));
    assertThatThrownBy(() -> offTick.roundedUpTo(Price.ZERO)).hasMessageContaining("tick must be > 0");
  }
}
