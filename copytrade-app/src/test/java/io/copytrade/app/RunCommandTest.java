package io.copytrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.Price;
import io.copytrade.testkit.FakeAccount;
import io.copytrade.testkit.FakeDhan;
import io.copytrade.testkit.FakeOrder;
import io.copytrade.testkit.FakeOrderSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code copytrade run} as a user starts it: a separate JVM configured only by environment variables. */
class RunCommandTest {
  private static final InstrumentKey NIFTY_CE = InstrumentKey.of(ExchangeSegment.NSE_FNO, "35191");

  @TempDir Path dir;

  @Test
  void runCopiesFromTheEnvironmentAndStopsCleanlyOnSigterm() throws Exception {
    try (FakeDhan dhan = FakeDhan.start()) {
      dhan.instruments().option(NIFTY_CE, "NIFTY", "NIFTY-Dec2026-27650-CE", 65, Price.ofPaise(5),
          LocalDate.of(2026, 12, 29), Price.ofRupees("27650"), "CE", 1800);
      dhan.market().price(NIFTY_CE, Price.ofRupees("113.00"));
      FakeAccount leader = dhan.account("1000000001").funds(Money.ofRupees("1000000"));
      FakeAccount follower = dhan.account("1000000002").funds(Money.ofRupees("500000"));
      Path log = dir.resolve("engine.log");
      EngineProcess engine = EngineProcess.start(Map.of(
          "LEADER_CLIENT_ID", "1000000001", "LEADER_ACCESS_TOKEN", leader.token(),
          "FOLLOWER_CLIENT_ID", "1000000002", "FOLLOWER_ACCESS_TOKEN", follower.token(),
          "DHAN_API_BASE_URL", dhan.restBase().toString(),
          "DHAN_ORDER_WS_URL", dhan.orderUpdateSocket().toString(),
          "DHAN_INSTRUMENT_CSV_URL", dhan.instrumentMaster().toString(),
          "COPYTRADE_DB", dir.resolve("copy.db").toString()), log);
      try {
        leader.awaitOrderSocket(Duration.ofSeconds(20));
        leader.places(FakeOrderSpec.buy(NIFTY_CE).quantity(4 * 65).limit("112.50"));

        FakeOrder copy = follower.orders().awaitNext(Duration.ofSeconds(10));
        assertThat(copy.quantity()).isEqualTo(130);
        follower.orders().assertNoMore(Duration.ofMillis(300));
      } finally {
        assertThat(engine.stop()).isEqualTo(143); // the JVM's status after SIGTERM and its shutdown hooks
      }
      String output = engine.output();
      assertThat(output).contains("engine_started").contains("engine_stopped");
      assertThat(output).doesNotContain(leader.token()).doesNotContain(follower.token());
    }
  }

  @Test
  void runRefusesAnUnknownTokenWithStatusOneNamingTheAccount() throws Exception {
    try (FakeDhan dhan = FakeDhan.start()) {
      String forged = "eyJhbGciOiJIUzUxMiJ9.eyJmb3JnZWQiOnRydWV9.forged";
      dhan.account("1000000002");
      Path log = dir.resolve("engine.log");
      EngineProcess engine = EngineProcess.start(Map.of(
          "LEADER_CLIENT_ID", "1000000001", "LEADER_ACCESS_TOKEN", forged,
          "FOLLOWER_CLIENT_ID", "1000000002", "FOLLOWER_ACCESS_TOKEN", forged,
          "DHAN_API_BASE_URL", dhan.restBase().toString(),
          "DHAN_ORDER_WS_URL", dhan.orderUpdateSocket().toString(),
          "COPYTRADE_DB", dir.resolve("copy.db").toString()), log);

      assertThat(engine.exitStatus()).isEqualTo(1);
      String output = engine.output();
      assertThat(output).contains("cannot start: the leader account 1000000001 could not be used")
          .doesNotContain(forged);
    }
  }
}
