package io.copytrade.app;

import io.copytrade.testkit.FakeAccount;
import io.copytrade.testkit.FakeDhan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code copytrade run} in its own JVM, configured only by its environment, its output in a file. */
final class EngineProcess {
  private final Process process;
  private final Path log;

  private EngineProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static EngineProcess start(Map<String, String> env, Path log) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    return new EngineProcess(builder.start(), log);
  }

  /**
   * The environment of an engine copying {@code leader} to {@code followers} at the fake, with its database
   * {@code copy.db} and followers file in {@code dir}: each follower's token is in {@code <NAME>_TOKEN}, and
   * the followers are listed in the map's iteration order.
   */
  static Map<String, String> environment(FakeDhan dhan, Path dir, FakeAccount leader,
      Map<String, FakeAccount> followers) throws IOException {
    Map<String, String> env = new HashMap<>();
    List<String> lines = new ArrayList<>(List.of("followers = " + String.join(", ", followers.keySet())));
    followers.forEach((name, account) -> {
      String variable = name.toUpperCase(Locale.ROOT) + "_TOKEN";
      lines.add("follower." + name + ".client_id = " + account.id());
      lines.add("follower." + name + ".token_env = " + variable);
      env.put(variable, account.token());
    });
    Path file = dir.resolve("followers.properties");
    Files.writeString(file, String.join("\n", lines) + "\n");
    env.putAll(Map.of(
        "LEADER_CLIENT_ID", leader.id().value(), "LEADER_ACCESS_TOKEN", leader.token(),
        "COPYTRADE_CONFIG", file.toString(),
        "DHAN_API_BASE_URL", dhan.restBase().toString(),
        "DHAN_ORDER_WS_URL", dhan.orderUpdateSocket().toString(),
        "DHAN_INSTRUMENT_CSV_URL", dhan.instrumentMaster().toString(),
        "COPYTRADE_DB", dir.resolve("copy.db").toString()));
    return Map.copyOf(env);
  }

  String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** Waits until the output contains {@code text}; false if the process ended or time ran out first. */
  boolean awaitOutput(String text, Duration timeout) throws IOException {
    Poll.until(timeout, () -> !process.isAlive() || says(text));
    return output().contains(text);
  }

  private boolean says(String text) {
    try {
      return output().contains(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the engine's output " + log, e);
    }
  }

  /** SIGTERM, then the exit status. */
  int stop() throws InterruptedException {
    process.destroy();
    return exitStatus();
  }

  /** SIGKILL: no shutdown hook, no flush, like a power cut for the process. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  int exitStatus() throws InterruptedException {
    if (!process.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("engine did not exit within 30 s");
    return process.exitValue();
  }
}
