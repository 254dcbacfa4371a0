package io.copytrade.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How figures are printed and scenarios chosen. */
class ReportingTest {
  @Test
  void aFigureIsOneLineOfPercentilesInMillisecondsWithItsCount() {
    Latencies latencies = Latencies.of(1_000_000, 2_000_000, 3_000_000, 40_000_000);

    assertThat(latencies.line("engine  1 follower")).matches(
        "engine  1 follower +N=4 +p50=2\\.00\\d p95=40\\.0 p99=40\\.0 max=40\\.0 ms");
    assertThat(new Latencies().line("nothing")).endsWith("N=0");
  }

  @Test
  void aFollowerCountThatFailsIsReportedAndTheNextStillRuns() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Report report = new Report(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    report.perFollowerCount("rate  10/s", List.of(1, 10, 100), (followers, label) -> {
      if (followers == 10) throw new IllegalStateException("no ready engine");
      report.line(label + "  ran");
    });

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "rate  10/s    1 follower   ran",
        "rate  10/s   10 followers  failed: java.lang.IllegalStateException: no ready engine",
        "rate  10/s  100 followers  ran");
  }

  @Test
  void theEngineIsComparedWithTheFloorOfTheSameRun() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Report report = new Report(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    report.floor("floor", Latencies.of(1_000_000, 1_000_000, 2_000_000));

    report.againstFloor("floor", "engine against floor", Latencies.of(3_000_000, 3_000_000, 4_000_000));
    report.againstFloor("latency20 floor", "not measured", Latencies.of(1_000_000));

    assertThat(bytes.toString(StandardCharsets.UTF_8).trim())
        .matches("engine against floor +p50 x3\\.0  p99 x2\\.0  \\(p50 \\+2\\.00 ms\\)");
  }

  @Test
  void scenariosRunInTheOrderNamedAndAllWhenNoneIs() {
    assertThat(CopyLagBench.scenarios(new String[] {"master", "floor", "master"})).containsExactly("master", "floor");
    assertThat(CopyLagBench.scenarios(new String[0])).containsExactlyElementsOf(CopyLagBench.SCENARIOS);
    assertThatThrownBy(() -> CopyLagBench.scenarios(new String[] {"floor", "speed"}))
        .hasMessageContaining("[speed]");
  }
}
