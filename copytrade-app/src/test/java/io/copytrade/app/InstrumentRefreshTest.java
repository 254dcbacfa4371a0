package io.copytrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.copytrade.dhan.DhanInstrumentMaster;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.Price;
import io.copytrade.sqlite.SqliteStore;
import io.copytrade.testkit.FakeDhanExtension;
import io.copytrade.testkit.FakeInstruments;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The master from the fake broker's CSV into a real SQLite file, as the days pass. */
class InstrumentRefreshTest {
  @RegisterExtension static final FakeDhanExtension FAKE = new FakeDhanExtension();
  /** 09:00 IST on a Friday. */
  private static final Instant FRIDAY_MORNING = Instant.parse("2026-12-04T03:30:00Z");

  @TempDir Path dir;
  private final AtomicReference<Instant> now = new AtomicReference<>(FRIDAY_MORNING);

  private long downloads() {
    return FAKE.fake().requests().stream()
        .filter(call -> call.path().equals(FAKE.fake().instrumentMaster().getPath())).count();
  }

  @Test
  void downloadedOncePerPublicationAndWrittenOnlyWhenItChanged() {
    FAKE.fake().instruments().niftyDemoChain();
    try (SqliteStore store = SqliteStore.open(dir.resolve("copytrade.db"))) {
      InstrumentRefresh refresh = new InstrumentRefresh(new DhanInstrumentMaster(FAKE.fake().instrumentMaster()),
          store, now::get);
      refresh.ifStale();
      long loaded = store.count();
      assertThat(loaded).isPositive();
      assertThat(store.find(FakeInstruments.NIFTY_27650_CE)).isPresent();

      now.set(FRIDAY_MORNING.plusSeconds(3_600)); // a restart later that day: the stored master is current
      refresh.ifStale();
      assertThat(downloads()).isEqualTo(1);

      now.set(FRIDAY_MORNING.plusSeconds(86_400)); // the next morning: fetched again, the same file
      refresh.ifStale();
      assertThat(downloads()).isEqualTo(2);
      assertThat(store.lastLoad().orElseThrow().checkedAt()).isEqualTo(now.get());
      assertThat(store.lastLoad().orElseThrow().instruments()).isEqualTo(loaded);

      InstrumentKey listedToday = InstrumentKey.of(ExchangeSegment.NSE_FNO, "35999");
      FAKE.fake().instruments().option(listedToday, "NIFTY", "NIFTY-Dec2026-28000-CE", 65, Price.ofPaise(5),
          FakeInstruments.DEMO_EXPIRY, Price.ofRupees("28000"), "CE", 1800);
      refresh.run();
      assertThat(store.find(listedToday)).isPresent();
      assertThat(store.count()).isEqualTo(loaded + 1);
    }
  }
}
