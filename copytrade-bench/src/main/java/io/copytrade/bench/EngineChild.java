package io.copytrade.bench;

import io.copytrade.testkit.FakeAccount;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code copytrade run} (the app's own command line) in a JVM of its own, configured by its environment
 * against the desk's fake in this JVM: its memory and GC are the engine's alone. Its output goes to
 * {@code engine.log} in {@code dir}, its GC log to {@code gc.log}.
 */
final class EngineChild implements AutoCloseable {
  private static final Pattern READY_MILLIS = Pattern.compile("engine_ready.*millis=\"?(\\d+)");
  /** A stop-the-world pause in -Xlog:gc, e.g. "GC(3) Pause Young (Normal) (G1 Evacuation Pause) 24M->6M(256M) 3.456ms". */
  private static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\) Pause .* (\\d+(?:\\.\\d+)?)ms$");

  /** When the engine logged engine_ready: the wall time from launching the JVM, and the engine's own count. */
  record Ready(long launchToReadyNanos, long engineMillis) {}

  private final Process process;
  private final long launched;
  private final Path gcLog;
  private final CompletableFuture<Ready> ready = new CompletableFuture<>();

  private EngineChild(ProcessBuilder builder, Path dir) throws IOException {
    this.gcLog = dir.resolve("gc.log");
    launched = System.nanoTime();
    process = builder.start();
    Path log = dir.resolve("engine.log");
    Thread reader = new Thread(() -> copyOutput(log), "engine-child-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the engine on {@code dir}/copy.db; {@code jvmOptions} go before the class name. */
  static EngineChild start(Desk desk, Path dir, List<String> jvmOptions) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xlog:gc:file=" + dir.resolve("gc.log")));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.copytrade.app.Main", "run"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment(desk, dir));
    return new EngineChild(builder, dir);
  }

  /** As the README's "Many followers": a followers file naming each token's environment variable. */
  private static Map<String, String> environment(Desk desk, Path dir) throws IOException {
    Map<String, String> env = new HashMap<>();
    List<String> names = new ArrayList<>();
    Path file = dir.resolve("followers.properties");
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      for (FakeAccount follower : desk.followers) {
        String name = "f" + follower.id();
        names.add(name);
        out.println("follower." + name + ".client_id = " + follower.id());
        out.println("follower." + name + ".token_env = " + name.toUpperCase(Locale.ROOT) + "_TOKEN");
        env.put(name.toUpperCase(Locale.ROOT) + "_TOKEN", follower.token());
      }
      out.println("followers = " + String.join(", ", names));
    }
    env.put("LEADER_CLIENT_ID", desk.leader.id().value());
    env.put("LEADER_ACCESS_TOKEN", desk.leader.token());
    env.put("COPYTRADE_CONFIG", file.toString());
    env.put("COPYTRADE_DB", dir.resolve("copy.db").toString());
    env.put("DHAN_API_BASE_URL", desk.dhan.restBase().toString());
    env.put("DHAN_ORDER_WS_URL", desk.dhan.orderUpdateSocket().toString());
    env.put("DHAN_INSTRUMENT_CSV_URL", desk.dhan.instrumentMaster().toString());
    return env;
  }

  /** Waits for engine_ready; empty if the engine stopped or the time ran out first. */
  Optional<Ready> awaitReady(Duration timeout) throws InterruptedException {
    try {
      return Optional.of(ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (ExecutionException | TimeoutException e) {
      return Optional.empty();
    }
  }

  /** The JVM's peak resident set (VmHWM of /proc/PID/status), in kB; empty where /proc has no such line. */
  Optional<Long> peakRssKb() throws IOException {
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    if (!Files.isReadable(status)) return Optional.empty();
    return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmHWM:"))
        .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst();
  }

  /** Every stop-the-world GC pause of the engine so far, from its GC log. */
  Latencies gcPauses() throws IOException {
    Latencies pauses = new Latencies();
    if (!Files.exists(gcLog)) return pauses;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = PAUSE.matcher(line.trim());
      if (m.find()) pauses.record(Math.round(Double.parseDouble(m.group(1)) * 1e6));
    }
    return pauses;
  }

  /** SIGTERM, as Ctrl-C or a service manager stops it; the exit status (143 for a clean stop). */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) stop();
  }

  private void copyOutput(Path log) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log,
        StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        long now = System.nanoTime();
        Matcher m = READY_MILLIS.matcher(line);
        if (m.find()) ready.complete(new Ready(now - launched, Long.parseLong(m.group(1))));
        out.println(line);
      }
    } catch (IOException e) {
      ready.completeExceptionally(e);
    }
    ready.completeExceptionally(new IllegalStateException("the engine's output ended before engine_ready"));
  }
}
