package io.copytrade.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Start-up to READY in a fresh JVM ({@code copytrade run}, one follower) against a master of
 * {@link Knobs#masterRows()} rows: once on a fresh database (the master downloaded and loaded), then
 * {@link Knobs#startupRuns()} times on that database, where the day's master is cached. Each is timed from
 * launching the JVM to the {@code engine_ready} line, and by that line's own count (from the engine's start).
 */
final class StartUp {

  private final Knobs knobs;
  private final Report report;

  StartUp(Knobs knobs, Report report) {
    this.knobs = knobs;
    this.report = report;
  }

  void run() throws Exception {
    String label = String.format(Locale.ROOT, "startup  master %d rows", knobs.masterRows());
    Path dir = Files.createTempDirectory("copytrade-bench-startup-");
    try (Desk desk = Desk.open(1)) {
      desk.dhan.instruments().generatedOptions(knobs.masterRows());
      Latencies freshWall = new Latencies();
      Latencies freshEngine = new Latencies();
      if (!start(desk, dir, freshWall, freshEngine)) return;
      report.figure(label + "  fresh db: JVM launch -> engine_ready", freshWall);
      report.figure(label + "  fresh db: engine_ready millis", freshEngine);
      Latencies wall = new Latencies();
      Latencies engine = new Latencies();
      for (int i = 0; i < knobs.startupRuns(); i++) {
        if (!start(desk, dir, wall, engine)) return;
      }
      report.figure(label + "  cached: JVM launch -> engine_ready", wall);
      report.figure(label + "  cached: engine_ready millis", engine);
    }
    TempDirs.delete(dir);
  }

  /** One start to READY and a clean stop; false, after saying why, if it never became ready. */
  private boolean start(Desk desk, Path dir, Latencies wall, Latencies engine) throws Exception {
    try (EngineChild child = EngineChild.start(desk, dir, knobs.engineJvm())) {
      Optional<EngineChild.Ready> ready = child.awaitReady(InProcessEngine.READY_TIMEOUT);
      if (ready.isEmpty()) {
        report.line("startup  the engine was not ready within " + InProcessEngine.READY_TIMEOUT + "; its log: " + dir);
        return false;
      }
      wall.record(ready.get().launchToReadyNanos());
      engine.record(Duration.ofMillis(ready.get().engineMillis()).toNanos());
      child.stop();
      return true;
    }
  }
}
