package io.copytrade.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KnobsTest {
  @Test
  void defaultsAreTheIssuesFigures() {
    Knobs knobs = Knobs.from(new Properties());

    assertThat(knobs.rate()).isEqualTo(10);
    assertThat(knobs.duration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(knobs.rateFollowers()).containsExactly(1, 10, 100);
    assertThat(knobs.fanoutFollowers()).containsExactly(1, 10, 100, 500);
    assertThat(knobs.masterRows()).isEqualTo(200_000);
    assertThat(knobs.latency()).isEqualTo(Duration.ofMillis(20));
    assertThat(knobs.limits()).isEqualTo(Limits.DHAN);
    assertThat(knobs.engineJvm()).isEmpty();
  }

  @Test
  void propertiesOverrideDefaults() {
    Properties p = new Properties();
    p.setProperty("bench.duration", "2m");
    p.setProperty("bench.interval", "50ms");
    p.setProperty("bench.fanout", "1, 60");
    p.setProperty("bench.limits", "NONE");
    p.setProperty("bench.engine.jvm", " -Xmx256m  -XX:+UseSerialGC ");

    Knobs knobs = Knobs.from(p);

    assertThat(knobs.duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(knobs.interval()).isEqualTo(Duration.ofMillis(50));
    assertThat(knobs.fanoutFollowers()).containsExactly(1, 60);
    assertThat(knobs.limits()).isEqualTo(Limits.NONE);
    assertThat(knobs.engineJvm()).isEqualTo(List.of("-Xmx256m", "-XX:+UseSerialGC"));
  }

  @Test
  void badValuesNameTheProperty() {
    Properties p = new Properties();
    p.setProperty("bench.drain", "30");
    assertThatThrownBy(() -> Knobs.from(p)).hasMessageContaining("bench.drain").hasMessageContaining("'30'");
    p.setProperty("bench.drain", "30s");
    p.setProperty("bench.limits", "dhan-ish");
    assertThatThrownBy(() -> Knobs.from(p)).hasMessageContaining("bench.limits");
    p.setProperty("bench.limits", "dhan");
    p.setProperty("bench.rate", "-1");
    assertThatThrownBy(() -> Knobs.from(p)).hasMessageContaining("bench.rate");
  }

  @Test
  void noLimitsMeansNoLimitListsAndTheSameOtherPolicies() {
    var none = Limits.NONE.settings();
    var dhan = Limits.DHAN.settings();

    assertThat(none.orderLimits()).isEmpty();
    assertThat(none.readLimits()).isEmpty();
    assertThat(dhan.orderLimits()).isNotEmpty();
    assertThat(none.tries()).isEqualTo(dhan.tries());
    assertThat(none.absenceWindow()).isEqualTo(dhan.absenceWindow());
  }
}
