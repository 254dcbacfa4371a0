package io.copytrade.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A master the size of Dhan's, generated: well-formed rows, unique ids, built once per change. */
class GeneratedMasterTest {
  @RegisterExtension static final FakeDhanExtension dhan = new FakeDhanExtension();

  @Test
  void generatedRowsAreWholeRowsOfDistinctOptionsAndTheFileIsBuiltOncePerChange() {
    dhan.instruments().generatedOptions(3000);
    DhanHttp csv = new DhanHttp(dhan.instrumentMaster(), "1000000001", null);

    String first = csv.get("").body();
    List<String> rows = first.lines().skip(1).toList();

    assertThat(rows).hasSize(3000).allSatisfy(row -> assertThat(row.split(",", -1)).hasSize(33))
        .allMatch(row -> row.startsWith("NSE,D,") && (row.contains(",CE,") || row.contains(",PE,")));
    assertThat(rows.stream().map(row -> row.split(",")[2]).collect(Collectors.toSet())).hasSize(3000);
    assertThat(rows.stream().map(row -> row.split(",")[7]).collect(Collectors.toSet()))
        .as("trading symbols").hasSize(3000);
    assertThat(dhan.instruments().detailedCsv()).as("served again unchanged").isSameAs(dhan.instruments()
        .detailedCsv());
    dhan.instruments().niftyDemoChain();
    assertThat(csv.get("").body().lines()).hasSize(3000 + 8 + 1);
  }
}
