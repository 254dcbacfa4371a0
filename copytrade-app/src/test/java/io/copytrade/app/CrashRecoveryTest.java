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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real engine in its own JVM, killed with SIGKILL at each named point of the copy pipeline, then
 * restarted on the same database: every follower must end with exactly one order for the leader's order.
 * {@code -Dcrash.repetitions=20} (the {@code reliability} profile) runs each point more often.
 */
class CrashRecoveryTest {
  private static final InstrumentKey NIFTY_CE = InstrumentKey.of(ExchangeSegment.NSE_FNO, "35191");
  private static final int REPETITIONS = Integer.getInteger("crash.repetitions", 2);

  @TempDir Path dir;

  /** Where the engine dies: a crash-point name, or "after-send" (killed while the broker holds the answer). */
  static Stream<Arguments> crashes() {
    List<String> points = List.of("before-intent", "after-intent", "after-send", "after-answer",
        "before-intent:2" /* mid-fan-out: the first follower done, the second not begun */);
    return points.stream().flatMap(p -> IntStream.rangeClosed(1, REPETITIONS).mapToObj(i -> Arguments.of(p, i)));
  }

  @ParameterizedTest(name = "killed at {0}, run {1}")
  @MethodSource("crashes")
  void eachFollowerGetsExactlyOneOrderAcrossAKill(String point, int run) throws Exception {
    try (FakeDhan dhan = FakeDhan.start()) {
      dhan.instruments().option(NIFTY_CE, "NIFTY", "NIFTY-Dec2026-27650-CE", 65, Price.ofPaise(5),
          LocalDate.of(2026, 12, 29), Price.ofRupees("27650"), "CE", 1800);
      dhan.market().price(NIFTY_CE, Price.ofRupees("113.00")); // the limit orders rest
      FakeAccount leader = dhan.account("1000000001").funds(Money.ofRupees("1000000"));
      FakeAccount half = dhan.account("1000000002").funds(Money.ofRupees("500000"));
      FakeAccount quarter = dhan.account("1000000003").funds(Money.ofRupees("250000"));
      Map<String, String> env = EngineProcess.environment(dhan, dir, leader,
          new TreeMap<>(Map.of("half", half, "quarter", quarter)));

      Map<String, String> crashing = new HashMap<>(env);
      if (!point.equals("after-send")) crashing.put(CrashPoints.VARIABLE, point);
      EngineProcess first = EngineProcess.start(crashing, dir.resolve("first.log"));
      try {
        assertThat(first.awaitOutput("leader_catch_up", Duration.ofSeconds(30))).as(first.output()).isTrue();
        if (point.equals("after-send")) dhan.faults().nextPlace(half.id()).answerLate(Duration.ofSeconds(3));
        leader.places(FakeOrderSpec.buy(NIFTY_CE).quantity(8 * 65).limit("112.50").product("MARGIN"));

        if (point.equals("after-send")) {
          half.orders().awaitNext(Duration.ofSeconds(10)); // the broker has it; its answer is held back
        } else {
          assertThat(first.awaitOutput("crash-point " + point.split(":")[0] + " reached",
              Duration.ofSeconds(20))).as(first.output()).isTrue();
        }
      } finally {
        first.kill();
      }

      EngineProcess second = EngineProcess.start(env, dir.resolve("second.log"));
      try {
        assertThat(awaitOrders(half, 1) && awaitOrders(quarter, 1)).as(second.output()).isTrue();
        TimeUnit.MILLISECONDS.sleep(500); // nothing more may follow
        assertThat(half.orders().all()).as(second.output()).singleElement()
            .extracting(FakeOrder::quantity).isEqualTo(4 * 65);
        assertThat(quarter.orders().all()).as(second.output()).singleElement()
            .extracting(FakeOrder::quantity).isEqualTo(2 * 65);
      } finally {
        second.stop();
      }
    }
  }

  /** A copy whose intent outlived the crash is resent only after the 20 s absence window: room for a slow CI. */
  private static boolean awaitOrders(FakeAccount account, int count) {
    return Poll.until(Duration.ofSeconds(60), () -> account.orders().all().size() >= count);
  }
}
