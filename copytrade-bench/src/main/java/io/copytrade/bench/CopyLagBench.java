package io.copytrade.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * End-to-end figures of the engine against FakeDhan on loopback, one line each on standard output (the
 * engine's and the fake's logs go to standard error). Scenarios are named on the command line, all when none
 * is: {@code floor engine latency20 rate fanout rss master startup}. Knobs are {@code -Dbench.*} properties
 * ({@link Knobs}). Times come from the fake's {@link io.copytrade.testkit.WireListener}, System.nanoTime in
 * this JVM. See BENCHMARKS.md.
 */
public final class CopyLagBench {
  static final List<String> SCENARIOS =
      List.of("floor", "engine", "latency20", "rate", "fanout", "rss", "master", "startup");

  private CopyLagBench() {}

  public static void main(String[] args) throws Exception {
    Set<String> chosen;
    Knobs knobs;
    try {
      chosen = scenarios(args);
      knobs = Knobs.from(System.getProperties());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: java -cp copytrade-bench.jar io.copytrade.bench.CopyLagBench [-Dbench.*=...] ["
          + String.join(" ", SCENARIOS) + "]");
      System.exit(2);
      return;
    }
    PrintStream out = System.out;
    Report report = new Report(out);
    machine(report, knobs);
    for (String scenario : chosen) {
      long start = System.nanoTime();
      try {
        run(scenario, knobs, report);
      } catch (Exception e) {
        // One scenario's failure is a finding; the others still run.
        report.line("# " + scenario + " failed: " + e);
        e.printStackTrace();
      }
      report.line("# " + scenario + " took " + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
    }
    System.exit(0);
  }

  /** The named scenarios in the order given (duplicates once); every scenario when none is named. */
  static Set<String> scenarios(String[] args) {
    Set<String> chosen = new LinkedHashSet<>(args.length == 0 ? SCENARIOS : List.of(args));
    List<String> unknown = new ArrayList<>(chosen);
    unknown.removeAll(SCENARIOS);
    if (!unknown.isEmpty()) throw new IllegalArgumentException("unknown scenario(s): " + unknown);
    return chosen;
  }

  private static void run(String scenario, Knobs knobs, Report report) throws Exception {
    SteadyCopies steady = new SteadyCopies(knobs, report);
    switch (scenario) {
      case "floor" -> steady.floor("floor", Duration.ZERO);
      case "engine" -> steady.engine("engine", "floor", Duration.ZERO);
      case "latency20" -> {
        String name = "latency" + knobs.latency().toMillis();
        steady.floor(name + " floor", knobs.latency());
        steady.engine(name + " engine", name + " floor", knobs.latency());
      }
      case "rate" -> new LeaderAtRate(knobs, report).run();
      case "fanout" -> new FanOut(knobs, report).run();
      case "rss" -> new EngineAlone(knobs, report).run();
      case "master" -> new MasterLoad(knobs, report).run();
      case "startup" -> new StartUp(knobs, report).run();
      default -> throw new IllegalArgumentException("unknown scenario " + scenario);
    }
  }

  /** The machine and the run, as BENCHMARKS.md records them. */
  private static void machine(Report report, Knobs knobs) throws IOException {
    report.line("# " + Instant.now() + "  " + Runtime.getRuntime().availableProcessors() + " cores  Java "
        + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.vendor") + ")  max heap "
        + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
    Path loadavg = Path.of("/proc/loadavg");
    if (Files.isReadable(loadavg)) report.line("# load average at start: " + Files.readString(loadavg).trim());
    report.line("# " + knobs);
  }
}
