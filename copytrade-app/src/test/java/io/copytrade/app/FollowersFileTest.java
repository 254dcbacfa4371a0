package io.copytrade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copytrade.domain.sizing.SizingStrategy;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FollowersFileTest {
  private static final String ALICE_TOKEN = "eyJhbGciOiJIUzUxMiJ9.alice-secret.sig";

  @TempDir Path dir;

  private Map<String, String> env(String fileText) throws IOException {
    Path file = dir.resolve("followers.properties");
    Files.writeString(file, fileText);
    Map<String, String> env = new HashMap<>();
    env.put("LEADER_CLIENT_ID", "1000000001");
    env.put("LEADER_ACCESS_TOKEN", "eyJhbGciOiJIUzUxMiJ9.leader.sig");
    env.put("ALICE_TOKEN", ALICE_TOKEN);
    env.put("BOB_TOKEN", "eyJhbGciOiJIUzUxMiJ9.bob.sig");
    env.put("COPYTRADE_CONFIG", file.toString());
    return env;
  }

  private static final String TWO_FOLLOWERS = """
      followers = alice, bob
      follower.alice.client_id = 1000000002
      follower.alice.token_env = ALICE_TOKEN
      follower.bob.client_id = 1000000003
      follower.bob.token_env = BOB_TOKEN
      follower.bob.copy_ratio = 0.5
      follower.bob.max_position_size_pct = 20
      """;

  @Test
  void readsEachFollowerWithItsOwnCredentialsAndSizing() throws IOException {
    EngineConfig config = EnvConfig.from(env(TWO_FOLLOWERS));

    assertThat(config.followers()).extracting(f -> f.credentials().account().value())
        .containsExactly("1000000002", "1000000003");
    assertThat(config.followers().get(0).credentials().tokens().current().reveal()).isEqualTo(ALICE_TOKEN);
    assertThat(config.followers().get(0).settings().sizing()).isEqualTo(new SizingStrategy.CapitalProportional());
    assertThat(config.followers().get(1).settings().sizing())
        .isEqualTo(new SizingStrategy.FixedRatio(new BigDecimal("0.5")));
    assertThat(config.followers().get(1).settings().riskRules()).hasSize(1);
  }

  @Test
  void aMisspeltKeyIsNamed() throws IOException {
    assertThatThrownBy(() -> EnvConfig.from(env(TWO_FOLLOWERS + "follower.bob.copy_ration = 2\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("followers.properties: follower.bob.copy_ration is not a known setting");
  }

  @Test
  void aBadValueNamesTheFollowerAndTheKey() throws IOException {
    assertThatThrownBy(() -> EnvConfig.from(env(TWO_FOLLOWERS.replace("= 0.5", "= half"))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("followers.properties: follower.bob.copy_ratio must be a decimal number, was 'half'");
  }

  @Test
  void aMissingTokenVariableIsNamedWithItsFollower() throws IOException {
    Map<String, String> env = env(TWO_FOLLOWERS);
    env.remove("BOB_TOKEN");

    assertThatThrownBy(() -> EnvConfig.from(env))
        .isInstanceOf(ConfigException.class)
        .hasMessage("environment variable BOB_TOKEN (followers.properties: follower.bob.token_env) is not set");
  }

  @Test
  void aFollowerListedTwiceOrEqualToTheLeaderIsRefused() throws IOException {
    assertThatThrownBy(() -> EnvConfig.from(env(TWO_FOLLOWERS.replace("1000000003", "1000000002"))))
        .hasMessageContaining("follower 1000000002 is listed twice or is the leader");
    assertThatThrownBy(() -> EnvConfig.from(env(TWO_FOLLOWERS.replace("1000000003", "1000000001"))))
        .hasMessageContaining("follower 1000000001 is listed twice or is the leader");
  }

  @Test
  void keysForUnlistedFollowersAndEmptyListsAreRefused() throws IOException {
    assertThatThrownBy(() -> EnvConfig.from(env(TWO_FOLLOWERS + "follower.carol.client_id = 1000000004\n")))
        .hasMessageContaining("follower.carol.client_id is not a known setting");
    assertThatThrownBy(() -> EnvConfig.from(env("followers =\n")))
        .hasMessageContaining("followers must list at least one follower");
  }

  @Test
  void aMissingFileIsNamed() throws IOException {
    Map<String, String> env = env(TWO_FOLLOWERS);
    env.put("COPYTRADE_CONFIG", dir.resolve("nope.properties").toString());

    assertThatThrownBy(() -> EnvConfig.from(env)).hasMessageContaining("COPYTRADE_CONFIG: cannot read");
  }

  @Test
  void noMessageRepeatsAToken() throws IOException {
    Map<String, String> env = env(TWO_FOLLOWERS);
    env.put("ALICE_TOKEN", "eyJ bad token with spaces");

    assertThatThrownBy(() -> EnvConfig.from(env))
        .hasMessageContaining("ALICE_TOKEN")
        .hasMessageNotContaining("bad token");
  }
}
