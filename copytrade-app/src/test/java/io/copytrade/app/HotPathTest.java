package io.copytrade.app;

import static io.copytrade.app.ScenarioDesk.LOT;
import static io.copytrade.app.ScenarioDesk.NIFTY_CE;
import static org.assertj.core.api.Assertions.assertThat;

import io.copytrade.app.ScenarioDesk.Follower;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.testkit.FakeAccount;
import io.copytrade.testkit.FakeDhanExtension;
import io.copytrade.testkit.FakeOrder;
import io.copytrade.testkit.FakeOrderSpec;
import io.copytrade.testkit.RecordedCall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the steady state (sockets up, funds read, instruments loaded) the only request between a leader's write
 * reaching the broker and the follower's copy of it is that copy: the fake broker's own record of every
 * request shows no read in between, for an entry, an exit, a modify and a cancel.
 */
class HotPathTest {
  @RegisterExtension static final FakeDhanExtension FAKE = new FakeDhanExtension();

  @TempDir Path dir;
  private ScenarioDesk desk;
  private Follower half;

  @BeforeEach
  void steadyState() throws InterruptedException {
    desk = new ScenarioDesk(FAKE.fake(), dir);
    half = desk.startWithHalf();
    assertThat(desk.engine().awaitReady(Duration.ofSeconds(10))).as("engine ready").isTrue();
    // The read again after the login, and both accounts' funds, are behind us; timed work next runs in 10 s.
    desk.awaitBookReads(2);
    ScenarioDesk.awaitUntil("both accounts' funds read", () -> fundsReads(desk.leader) > 0
        && fundsReads(half.account()) > 0);
  }

  @AfterEach
  void stopEngine() {
    desk.close();
  }

  @Test
  void anEntryAndAnExitReachTheFollowerWithNoBrokerReadBeforeItsOrder() {
    OrderId[] entry = new OrderId[1];
    assertThat(requestsBetweenTheLeadersWriteAndItsCopy("POST", () -> entry[0] = desk.leader.places(
        FakeOrderSpec.buy(NIFTY_CE).quantity(8 * LOT).market().product("MARGIN")))).isEmpty();
    desk.awaitHandled(entry[0], update -> update.status() == OrderStatus.TRADED);

    assertThat(requestsBetweenTheLeadersWriteAndItsCopy("POST", () -> desk.leader.places(
        FakeOrderSpec.sell(NIFTY_CE).quantity(4 * LOT).market().product("MARGIN")))).isEmpty();
    desk.awaitPosition(half, NIFTY_CE, 2 * LOT);
  }

  @Test
  void aModifyAndACancelReachTheFollowerWithNoBrokerReadBeforeThem() {
    OrderId[] resting = new OrderId[1];
    requestsBetweenTheLeadersWriteAndItsCopy("POST", () -> resting[0] = desk.leader.places(
        FakeOrderSpec.buy(NIFTY_CE).quantity(8 * LOT).limit("112.50")));
    FakeOrder copy = desk.oneCopyEach(resting[0], "entry", 4 * LOT).get(half);
    // The copy's own socket has told the engine it rests: its state is known without asking the broker.
    ScenarioDesk.awaitUntil("the copy resting, as the follower's socket said",
        () -> desk.storedFollowerOrderStatus(copy.orderId()).equals(Optional.of("PENDING")));

    assertThat(requestsBetweenTheLeadersWriteAndItsCopy("PUT", () -> desk.leader.modifies(resting[0],
        FakeOrderSpec.buy(NIFTY_CE).quantity(12 * LOT).limit("112.50")))).isEmpty();
    ScenarioDesk.awaitUntil("the modified copy, as the follower's socket said",
        () -> FAKE.fake().requests().stream().filter(c -> isWrite(c, "PUT", half.account())).count() == 1
            && desk.storedFollowerOrderStatus(copy.orderId()).equals(Optional.of("PENDING")));
    assertThat(requestsBetweenTheLeadersWriteAndItsCopy("DELETE", () -> desk.leader.cancels(resting[0])))
        .isEmpty();
    desk.awaitStatus(half.account(), copy.orderId(), "CANCELLED");
  }

  /** What the broker received after the leader's write that {@code writing} sends, and before the copy's. */
  private List<String> requestsBetweenTheLeadersWriteAndItsCopy(String method, Runnable writing) {
    int mark = FAKE.fake().requests().size();
    writing.run();
    ScenarioDesk.awaitUntil("the follower's " + method, () -> indexOf(FAKE.fake().requests(), method,
        half.account(), indexOf(FAKE.fake().requests(), method, desk.leader, mark - 1)) >= 0);
    List<RecordedCall> calls = FAKE.fake().requests();
    int leaders = indexOf(calls, method, desk.leader, mark - 1);
    return calls.subList(leaders + 1, indexOf(calls, method, half.account(), leaders)).stream()
        .map(c -> c.method() + " " + c.path() + " by " + c.account().map(Object::toString).orElse("-")).toList();
  }

  /** The first order write ({@code method}) of {@code account} after index {@code after}; -1 when none. */
  private static int indexOf(List<RecordedCall> calls, String method, FakeAccount account, int after) {
    if (after < 0) return -1;
    for (int i = after + 1; i < calls.size(); i++) {
      if (isWrite(calls.get(i), method, account)) return i;
    }
    return -1;
  }

  private int fundsReads(FakeAccount account) {
    return (int) FAKE.fake().requests().stream()
        .filter(c -> c.path().equals("/v2/fundlimit") && c.account().equals(Optional.of(account.id()))).count();
  }

  private static boolean isWrite(RecordedCall call, String method, FakeAccount account) {
    return call.method().equals(method) && call.path().startsWith("/v2/orders")
        && call.account().equals(Optional.of(account.id()));
  }
}
