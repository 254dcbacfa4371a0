package io.copytrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void noCommandIsAUsageError() {
    assertThat(run(Map.of())).isEqualTo(2);
    assertThat(err()).contains("no command given").contains("usage:");
  }

  @Test
  void unknownCommandIsNamed() {
    assertThat(run(Map.of(), "copy")).isEqualTo(2);
    assertThat(err()).contains("unknown command 'copy'");
  }

  @Test
  void helpPrintsUsage() {
    assertThat(run(Map.of(), "help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("run").contains("demo");
  }

  @Test
  void runWithMissingConfigurationExitsTwoNamingTheVariable() {
    assertThat(run(Map.of("LEADER_CLIENT_ID", "1000000001"), "run")).isEqualTo(2);
    assertThat(err()).contains("configuration error: LEADER_ACCESS_TOKEN is not set");
  }

  @Test
  void runNeverEchoesATokenInItsError() {
    String token = "eyJhbGciOiJIUzUxMiJ9.payload.signature";
    int status = run(Map.of("LEADER_CLIENT_ID", "1000000001", "LEADER_ACCESS_TOKEN", token,
        "FOLLOWER_CLIENT_ID", "1000000002", "FOLLOWER_ACCESS_TOKEN", token, "DHAN_ENV", "uat"), "run");

    assertThat(status).isEqualTo(2);
    assertThat(err()).contains("DHAN_ENV").doesNotContain(token);
  }
}
