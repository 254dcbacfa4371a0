package io.copytrade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {
  @TempDir Path dir;

  private Path write(String name, String text, Instant modified) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }

  @Test
  void aRewrittenFileIsReadAgain() throws IOException {
    Path file = write("token", "eyJold.token.one\n", Instant.parse("2026-11-24T03:00:00Z"));
    TokenFile tokens = TokenFile.open(file, "FOLLOWER_ACCESS_TOKEN_FILE");
    assertThat(tokens.current().reveal()).isEqualTo("eyJold.token.one");

    write("token", "eyJnew.token.two", Instant.parse("2026-11-25T03:00:00Z"));

    assertThat(tokens.current().reveal()).isEqualTo("eyJnew.token.two");
  }

  @Test
  void aVanishedOrEmptiedFileKeepsTheLastGoodToken() throws IOException {
    Path file = write("token", "eyJgood.token", Instant.parse("2026-11-24T03:00:00Z"));
    TokenFile tokens = TokenFile.open(file, "X");

    write("token", "   ", Instant.parse("2026-11-24T04:00:00Z"));
    assertThat(tokens.current().reveal()).isEqualTo("eyJgood.token");
    Files.delete(file);
    assertThat(tokens.current().reveal()).isEqualTo("eyJgood.token");
  }

  @Test
  void anUnusableFileAtStartIsAConfigurationErrorThatShowsNoContent() throws IOException {
    Path file = write("token", "eyJ secret with spaces", Instant.now());

    assertThatThrownBy(() -> TokenFile.open(file, "LEADER_ACCESS_TOKEN_FILE"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("LEADER_ACCESS_TOKEN_FILE")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> TokenFile.open(dir.resolve("missing"), "LEADER_ACCESS_TOKEN_FILE"))
        .hasMessageContaining("LEADER_ACCESS_TOKEN_FILE").hasMessageContaining("NoSuchFileException");
  }

  @Test
  void theEnvironmentCanNameATokenFileButNotBothKinds() throws IOException {
    Path file = write("leader-token", "eyJleader.file.token", Instant.now());
    var env = new java.util.HashMap<String, String>();
    env.put("LEADER_CLIENT_ID", "1000000001");
    env.put("LEADER_ACCESS_TOKEN_FILE", file.toString());
    env.put("FOLLOWER_CLIENT_ID", "1000000002");
    env.put("FOLLOWER_ACCESS_TOKEN", "eyJfollower.token");

    assertThat(EnvConfig.from(env).leader().tokens().current().reveal()).isEqualTo("eyJleader.file.token");

    env.put("LEADER_ACCESS_TOKEN", "eyJother");
    assertThatThrownBy(() -> EnvConfig.from(env))
        .hasMessage("set LEADER_ACCESS_TOKEN or LEADER_ACCESS_TOKEN_FILE, not both");
  }
}
