package io.copytrade.testkit;

import static io.copytrade.testkit.FakeInstruments.NIFTY_27650_CE;
import static org.assertj.core.api.Assertions.assertThat;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.Price;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The timing hooks a benchmark uses: frames written and requests received, stamped with System.nanoTime. */
class WireListenerTest {
  @RegisterExtension static final FakeDhanExtension dhan = new FakeDhanExtension();

  /** What the listener heard, in order. */
  private sealed interface Heard {
    long nanos();

    record Frame(AccountId account, OrderId order, long nanos) implements Heard {}

    record Request(String method, String path, Optional<AccountId> account, long nanos) implements Heard {}
  }

  /** Records every event; waits are bounded. */
  private static final class Recorder implements WireListener {
    final BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();

    @Override
    public void frameSent(AccountId account, OrderId order, long nanos) {
      heard.add(new Heard.Frame(account, order, nanos));
    }

    @Override
    public void requestReceived(String method, String path, Optional<AccountId> account, long nanos) {
      heard.add(new Heard.Request(method, path, account, nanos));
    }

    Heard next() {
      try {
        Heard event = heard.poll(2, TimeUnit.SECONDS);
        assertThat(event).as("nothing heard within 2 s").isNotNull();
        return event;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    void assertNoMore() throws InterruptedException {
      assertThat(heard.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @BeforeAll
  static void listChain() {
    dhan.instruments().niftyDemoChain();
    dhan.market().price(NIFTY_27650_CE, Price.ofRupees("113.00"));
  }

  @Test
  void eachFrameWrittenIsHeardWithItsAccountOrderAndATimeBeforeTheClientReadIt() throws InterruptedException {
    FakeAccount leader = dhan.account("1000000001");
    Recorder recorder = new Recorder();
    try (OrderSocketClient socket = OrderSocketClient.loggedIn(dhan.fake(), leader)) {
      dhan.fake().wireListener(recorder);
      long before = System.nanoTime();
      OrderId id = leader.places(FakeOrderSpec.buy(NIFTY_27650_CE).quantity(65).limit("100.00"));
      socket.nextAlert();
      long read = System.nanoTime();

      Heard.Request place = (Heard.Request) recorder.next();
      Heard.Frame transit = (Heard.Frame) recorder.next();
      Heard.Frame pending = (Heard.Frame) recorder.next();
      assertThat(place).isEqualTo(new Heard.Request("POST", "/v2/orders", Optional.of(leader.id()), place.nanos()));
      assertThat(List.of(transit.account(), pending.account())).containsOnly(leader.id());
      assertThat(List.of(transit.order(), pending.order())).containsOnly(id);
      assertThat(place.nanos()).isBetween(before, transit.nanos());
      assertThat(transit.nanos()).isLessThan(read).isLessThan(pending.nanos());
      recorder.assertNoMore();
    }
  }

  @Test
  void noFrameIsHeardForAnAccountWithNoSocket() throws InterruptedException {
    FakeAccount follower = dhan.account("1000000002");
    Recorder recorder = new Recorder();
    dhan.fake().wireListener(recorder);

    follower.places(FakeOrderSpec.buy(NIFTY_27650_CE).quantity(65).limit("100.00"));

    assertThat(recorder.next()).isInstanceOf(Heard.Request.class);
    recorder.assertNoMore();
  }

  @Test
  void requestsAreHeardOnArrivalWithTheirDecodedPathAndTheAccountOfTheirToken() throws InterruptedException {
    FakeAccount account = dhan.account("1000000001");
    Recorder recorder = new Recorder();
    dhan.fake().wireListener(recorder);

    DhanHttp.as(dhan.fake(), account).get("orders/external/cp%201?x=1");
    new DhanHttp(dhan.restBase(), "1000000001", "not-a-token").delete("orders/1");
    new DhanHttp(dhan.instrumentMaster(), "1000000001", null).get("");

    assertThat(List.of(recorder.next(), recorder.next(), recorder.next()))
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("nanos")
        .containsExactly(new Heard.Request("GET", "/v2/orders/external/cp 1", Optional.of(account.id()), 0),
            new Heard.Request("DELETE", "/v2/orders/1", Optional.empty(), 0),
            new Heard.Request("GET", RestApi.DETAILED_CSV_PATH, Optional.empty(), 0));
    recorder.assertNoMore();
  }

  @Test
  void arrivalIsStampedBeforeTheLatencyHoldsTheRequest() {
    FakeAccount account = dhan.account("1000000001");
    Recorder recorder = new Recorder();
    dhan.fake().wireListener(recorder);
    dhan.settings().restLatency(Duration.ofMillis(150));

    DhanHttp.as(dhan.fake(), account).get("fundlimit");
    long answered = System.nanoTime();

    assertThat(Duration.ofNanos(answered - recorder.next().nanos()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  void aFailingListenerLeavesTheFakeWorking() {
    FakeAccount leader = dhan.account("1000000001");
    try (OrderSocketClient socket = OrderSocketClient.loggedIn(dhan.fake(), leader)) {
      dhan.fake().wireListener(new WireListener() {
        @Override
        public void frameSent(AccountId account, OrderId order, long nanos) {
          throw new IllegalStateException("listener bug");
        }

        @Override
        public void requestReceived(String method, String path, Optional<AccountId> account, long nanos) {
          throw new IllegalStateException("listener bug");
        }
      });

      OrderId id = leader.places(FakeOrderSpec.buy(NIFTY_27650_CE).quantity(65).limit("100.00"));

      assertThat(socket.nextAlert()).containsEntry("OrderNo", id.value()).containsEntry("Status", "TRANSIT");
      assertThat(socket.nextAlert()).containsEntry("Status", "PENDING");
    }
  }

  @Test
  void resetRemovesTheListener() throws InterruptedException {
    Recorder recorder = new Recorder();
    dhan.fake().wireListener(recorder);

    dhan.fake().reset();
    DhanHttp.as(dhan.fake(), dhan.account("1000000001")).get("fundlimit");

    recorder.assertNoMore();
  }
}
