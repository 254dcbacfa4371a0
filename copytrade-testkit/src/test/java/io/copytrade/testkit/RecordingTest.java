package io.copytrade.testkit;

import static io.copytrade.testkit.FakeInstruments.NIFTY_27650_CE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.Price;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the fake records, the order recorder's bounded waits, and the JUnit extension's lifecycle. */
class RecordingTest {
  @RegisterExtension static final FakeDhanExtension dhan = new FakeDhanExtension();

  @BeforeAll
  static void listChain() {
    dhan.instruments().niftyDemoChain();
    dhan.market().price(NIFTY_27650_CE, Price.ofRupees("113.00"));
  }

  @Test
  void everyRequestIsRecordedWithLowerCaseHeadersBodyAndAccount(FakeDhan fake) {
    assertThat(fake.requests()).as("reset before each test").isEmpty();
    FakeAccount leader = fake.account("1000000001");

    OrderId id = leader.places(FakeOrderSpec.buy(NIFTY_27650_CE).quantity(65).limit("112.50"));
    new DhanHttp(fake.restBase(), "1000000001", "not-a-token").get("orders?x=1");

    assertThat(fake.requests()).hasSize(2);
    RecordedCall place = fake.requests().get(0);
    assertThat(place.method()).isEqualTo("POST");
    assertThat(place.path()).isEqualTo("/v2/orders");
    assertThat(place.account()).contains(leader.id());
    assertThat(place.headers()).containsEntry("access-token", leader.token()).containsEntry("client-id",
        "1000000001");
    assertThat(place.headers().get("content-type")).startsWith("application/json");
    assertThat(place.body()).contains("\"quantity\":65").contains("\"price\":112.5");
    RecordedCall refused = fake.requests().get(1);
    assertThat(refused.path()).isEqualTo("/v2/orders");
    assertThat(refused.account()).isEqualTo(Optional.empty());
    assertThat(leader.orders().awaitNext(Duration.ofSeconds(1)).orderId()).isEqualTo(id);
  }

  @Test
  void awaitNextTakesOrdersInArrivalOrderAndAssertNoMoreListsExtras() {
    assertThat(dhan.requests()).as("reset before each test").isEmpty();
    FakeAccount follower = dhan.account("1000000002");
    OrderId first = follower.places(FakeOrderSpec.buy(NIFTY_27650_CE).quantity(65).limit("112.50"));
    OrderId second = follower.places(FakeOrderSpec.sell(NIFTY_27650_CE).quantity(130).market());

    assertThat(follower.orders().awaitNext(Duration.ofSeconds(1)).orderId()).isEqualTo(first);
    assertThatThrownBy(() -> follower.orders().assertNoMore())
        .isInstanceOf(AssertionError.class).hasMessageContaining("got 1").hasMessageContaining(second.value());
    follower.orders().assertNoMore(Duration.ofMillis(20));
    assertThat(follower.orders().all()).extracting(FakeOrder::orderId).containsExactly(first, second);
  }

  @Test
  void assertNoMorePassesWhenQuietAndAwaitNextFailsWhenNothingComes() {
    FakeAccount follower = dhan.account("1000000002");

    follower.orders().assertNoMore(Duration.ofMillis(50));
    assertThatThrownBy(() -> follower.orders().awaitNext(Duration.ofMillis(50)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("no order arrived");
  }

  @Test
  void loopbackCallsDoNotWaitOnDelayedAcks() {
    FakeAccount leader = dhan.account("1000000001");
    DhanHttp http = DhanHttp.as(dhan.fake(), leader);
    http.get("fundlimit");

    long[] took = new long[50];
    for (int i = 0; i < took.length; i++) {
      long start = System.nanoTime();
      http.post("margincalculator", "{\"dhanClientId\":\"1000000001\","
          + "\"exchangeSegment\":\"NSE_FNO\",\"transactionType\":\"BUY\",\"quantity\":65,"
          + "\"productType\":\"MARGIN\",\"securityId\":\"35191\",\"price\":112.5}");
      took[i] = System.nanoTime() - start;
    }

    // A delayed ACK holds every call ~40 ms; the median, unlike the total, shrugs off a busy machine's pauses.
    Arrays.sort(took);
    assertThat(Duration.ofNanos(took[took.length / 2])).as("median of 50 POSTs; ~40 ms if Nagle bit")
        .isLessThan(Duration.ofMillis(20));
  }
}
