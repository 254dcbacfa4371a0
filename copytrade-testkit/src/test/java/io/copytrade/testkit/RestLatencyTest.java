package io.copytrade.testkit;

import static io.copytrade.testkit.FakeInstruments.NIFTY_27650_CE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copytrade.ports.model.Price;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** FakeSettings.restLatency: a far-away broker, on every HTTP call the fake answers. */
class RestLatencyTest {
  @RegisterExtension static final FakeDhanExtension dhan = new FakeDhanExtension();
  private static final Duration ROUND_TRIP = Duration.ofMillis(120);
  private static final String PLACE = "{\"dhanClientId\":\"1000000001\",\"transactionType\":\"BUY\","
      + "\"exchangeSegment\":\"NSE_FNO\",\"productType\":\"MARGIN\",\"orderType\":\"LIMIT\",\"validity\":\"DAY\","
      + "\"securityId\":\"35191\",\"quantity\":65,\"price\":100.0}";

  @BeforeAll
  static void listChain() {
    dhan.instruments().niftyDemoChain();
    dhan.market().price(NIFTY_27650_CE, Price.ofRupees("113.00"));
  }

  @Test
  void everyKindOfCallTakesAtLeastTheRoundTrip() {
    DhanHttp http = DhanHttp.as(dhan.fake(), dhan.account("1000000001"));
    dhan.settings().restLatency(ROUND_TRIP);

    Map<String, Duration> took = timed(Map.of(
        "place", () -> http.post("orders", PLACE),
        "order book", () -> http.get("orders"),
        "funds", () -> http.get("fundlimit"),
        "a refused cancel", () -> http.delete("orders/1"),
        "an unknown path", () -> http.get("forever/all"),
        "a refused token", () -> new DhanHttp(dhan.restBase(), "1000000001", "not-a-token").get("positions"),
        "the instrument master", () -> new DhanHttp(dhan.instrumentMaster(), "1000000001", null).get("")));

    assertThat(took).allSatisfy((call, duration) -> assertThat(duration).as(call)
        .isGreaterThanOrEqualTo(ROUND_TRIP));
  }

  @Test
  void noLatencyByDefaultOrAfterReset() {
    dhan.settings().restLatency(ROUND_TRIP);
    dhan.fake().reset();
    DhanHttp http = DhanHttp.as(dhan.fake(), dhan.account("1000000001"));
    http.get("fundlimit");

    long[] took = new long[9];
    for (int i = 0; i < took.length; i++) {
      long start = System.nanoTime();
      http.get("fundlimit");
      took[i] = System.nanoTime() - start;
    }

    assertThat(dhan.settings().restLatency()).isZero();
    Arrays.sort(took);
    assertThat(Duration.ofNanos(took[took.length / 2])).as("median of 9 calls").isLessThan(ROUND_TRIP);
  }

  @Test
  void aNegativeLatencyIsRefused() {
    assertThatThrownBy(() -> dhan.settings().restLatency(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative REST latency");
  }

  private static Map<String, Duration> timed(Map<String, Supplier<DhanHttp.Answer>> calls) {
    Map<String, Duration> took = new LinkedHashMap<>();
    calls.forEach((name, call) -> {
      long start = System.nanoTime();
      call.get();
      took.put(name, Duration.ofNanos(System.nanoTime() - start));
    });
    return took;
  }
}
