package io.copytrade.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
