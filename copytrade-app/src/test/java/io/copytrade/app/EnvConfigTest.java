package io.copytrade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copytrade.domain.risk.MaxPositionSizePct;
import io.copytrade.domain.replication.ReconcilePolicy;
import io.copytrade.domain.sizing.SizingStrategy;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvConfigTest {
  private static final String LEADER_TOKEN = "eyJhbGciOiJIUzUxMiJ9.leader-secret-payload.sig";

  private static Map<String, String> valid() {
    Map<String, String> env = new HashMap<>();
    env.put("LEADER_CLIENT_ID", "1000000001");
    env.put("LEADER_ACCESS_TOKEN", LEADER_TOKEN);
    env.put("FOLLOWER_CLIENT_ID", "1000000002");
    env.put("FOLLOWER_ACCESS_TOKEN", "eyJhbGciOiJIUzUxMiJ9.follower-secret.sig");
    return env;
  }

  private static Map<String, String> with(String name, String value) {
    Map<String, String> env = valid();
    if (value == null) env.remove(name); else env.put(name, value);
    return env;
  }

  @Test
  void defaultsToProductionCapitalProportionalAndALocalDatabase() {
    EngineConfig config = EnvConfig.from(valid());

    assertThat(config.leader().account().value()).isEqualTo("1000000001");
    assertThat(config.leader().tokens().current().reveal()).isEqualTo(LEADER_TOKEN);
    assertThat(config.endpoints().restBase()).isEqualTo(URI.create("https://api.dhan.co/v2/"));
    assertThat(config.followers()).singleElement().satisfies(f -> {
      assertThat(f.settings().sizing()).isEqualTo(new SizingStrategy.CapitalProportional());
      assertThat(f.settings().riskRules()).isEmpty();
    });
    assertThat(config.database()).isEqualTo(Path.of("copytrade.db"));
    assertThat(config.followerBookEvery()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void readsSandboxRatioRiskAndOverrides() {
    Map<String, String> env = valid();
    env.put("DHAN_ENV", "sandbox");
    env.put("COPY_RATIO", "0.5");
    env.put("MAX_POSITION_SIZE_PCT", "12.5");
    env.put("DHAN_API_BASE_URL", "http://127.0.0.1:8080/v2");
    env.put("DHAN_ORDER_WS_URL", "ws://127.0.0.1:8081");
    env.put("COPYTRADE_DB", "/tmp/x.db");
    env.put("COPYTRADE_FOLLOWER_BOOK_SECONDS", "30");

    EngineConfig config = EnvConfig.from(env);

    assertThat(config.endpoints().restBase()).isEqualTo(URI.create("http://127.0.0.1:8080/v2/"));
    assertThat(config.endpoints().orderUpdateSocket()).isEqualTo(URI.create("ws://127.0.0.1:8081"));
    assertThat(config.followers().get(0).settings().sizing())
        .isEqualTo(new SizingStrategy.FixedRatio(new BigDecimal("0.5")));
    assertThat(config.followers().get(0).settings().riskRules())
        .containsExactly(new MaxPositionSizePct(new BigDecimal("12.5")));
    assertThat(config.database()).isEqualTo(Path.of("/tmp/x.db"));
    assertThat(config.followerBookEvery()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void riskBasedSizingUsesTheMaximumPositionPercentage() {
    Map<String, String> env = with("COPY_SIZING", "risk_based");
    env.put("MAX_POSITION_SIZE_PCT", "10");

    assertThat(EnvConfig.from(env).followers().get(0).settings().sizing())
        .isEqualTo(new SizingStrategy.RiskBased(BigDecimal.TEN));
  }

  @ParameterizedTest(name = "FOLLOWER_RECONCILE={0}")
  @CsvSource({"alert, ALERT", "flat-only, FLAT_ONLY", "RESYNC, RESYNC"})
  void readsTheReconciliationPolicy(String value, ReconcilePolicy expected) {
    assertThat(EnvConfig.from(with("FOLLOWER_RECONCILE", value)).followers().get(0).settings().reconcile())
        .isEqualTo(expected);
    assertThat(EnvConfig.from(valid()).followers().get(0).settings().reconcile()).isEqualTo(ReconcilePolicy.ALERT);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(nullValues = "NULL", value = {
      "LEADER_CLIENT_ID, NULL, LEADER_CLIENT_ID is not set",
      "LEADER_ACCESS_TOKEN, NULL, LEADER_ACCESS_TOKEN is not set",
      "FOLLOWER_ACCESS_TOKEN, '  ', FOLLOWER_ACCESS_TOKEN is not set",
      "FOLLOWER_CLIENT_ID, 'bad id!', FOLLOWER_CLIENT_ID is not a Dhan client id",
      "FOLLOWER_CLIENT_ID, 1000000001, FOLLOWER_CLIENT_ID must differ from LEADER_CLIENT_ID",
      "DHAN_ENV, live, DHAN_ENV must be prod or sandbox, was 'live'",
      "COPY_RATIO, abc, COPY_RATIO must be a decimal number, was 'abc'",
      "COPY_RATIO, -1, COPY_RATIO must be > 0, was -1",
      "MAX_POSITION_SIZE_PCT, 150, MAX_POSITION_SIZE_PCT must be a percentage in (0, 100], was 150",
      "MAX_POSITION_SIZE_PCT, 0, MAX_POSITION_SIZE_PCT must be a percentage in (0, 100], was 0",
      "COPY_SIZING, fixed_ratio, COPY_SIZING=fixed_ratio needs COPY_RATIO",
      "COPY_SIZING, kelly, COPY_SIZING must be capital_proportional, fixed_ratio or risk_based",
      "DHAN_API_BASE_URL, ftp://x/v2, DHAN_API_BASE_URL must be a http or https URL",
      "DHAN_ORDER_WS_URL, 'not a url', DHAN_ORDER_WS_URL is not a URL",
      "FOLLOWER_RECONCILE, sync, 'FOLLOWER_RECONCILE must be alert, flat-only or resync'",
      "COPYTRADE_FOLLOWER_BOOK_SECONDS, 5m, COPYTRADE_FOLLOWER_BOOK_SECONDS must be a whole number >= 1, was '5m'",
      "COPYTRADE_FOLLOWER_BOOK_SECONDS, 0, COPYTRADE_FOLLOWER_BOOK_SECONDS must be a whole number >= 1, was '0'",
  })
  void refusesBadValuesNamingTheVariable(String name, String value, String message) {
    assertThatThrownBy(() -> EnvConfig.from(with(name, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aBadTokenIsNamedButNeverRepeated() {
    String token = "eyJsecret with spaces";

    assertThatThrownBy(() -> EnvConfig.from(with("LEADER_ACCESS_TOKEN", token)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("LEADER_ACCESS_TOKEN")
        .hasMessageNotContaining("eyJsecret")
        .hasMessageNotContaining("spaces");
  }

  @Test
  void configurationPrintsNoToken() {
    assertThat(EnvConfig.from(valid()).toString()).doesNotContain(LEADER_TOKEN).doesNotContain("secret");
  }
}
