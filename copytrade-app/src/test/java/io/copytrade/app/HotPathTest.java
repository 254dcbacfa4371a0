package io.copytrade.app;

import static io.copytrade.app.ScenarioDesk.LOT;
import static io.copytrade.app.ScenarioDesk.NIFTY_CE;
import static org.assertj.core.api.Assertions.assertThat;

import io.copytrade.app.ScenarioDesk.Follower;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.testkit.FakeAccount;
import io.copytrade.testkit.FakeDhanExtension;
import io.copytrade.testkit.FakeOrderSpec;
import io.copytrade.testkit.RecordedCall;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the steady state (socket up, funds read, instruments loaded) the only request between a leader's order
 * reaching the broker and the follower's copy is that copy: the fake broker's own record of every request
 * shows no read in between, for an entry and for an exit.
 */
class HotPathTest {
  @RegisterExtension static final FakeDhanExtension FAKE = new FakeDhanExtension();

  @TempDir Path dir;
  private ScenarioDesk desk;
  private Follower half;

  @BeforeEach
  void steadyState() {
    desk = new ScenarioDesk(FAKE.fake(), dir);
    half = desk.startWithHalf();
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
    assertThat(requestsBetweenTheLeadersOrderAndItsCopy(() -> entry[0] = desk.leader.places(
        FakeOrderSpec.buy(NIFTY_CE).quantity(8 * LOT).market().product("MARGIN")))).isEmpty();
    desk.awaitHandled(entry[0], update -> update.status() == OrderStatus.TRADED);

    assertThat(requestsBetweenTheLeadersOrderAndItsCopy(() -> desk.leader.places(
        FakeOrderSpec.sell(NIFTY_CE).quantity(4 * LOT).market().product("MARGIN")))).isEmpty();
    desk.awaitPosition(half, NIFTY_CE, 2 * LOT);
  }

  /** What the broker received after the leader's order that {@code placing} sends, and before its copy. */
  private List<String> requestsBetweenTheLeadersOrderAndItsCopy(Runnable placing) {
    int mark = FAKE.fake().requests().size();
    placing.run();
    ScenarioDesk.awaitUntil("the follower's copy", () -> indexOf(FAKE.fake().requests(), half.account(),
        indexOf(FAKE.fake().requests(), desk.leader, mark - 1)) >= 0);
    List<RecordedCall> calls = FAKE.fake().requests();
    int leaders = indexOf(calls, desk.leader, mark - 1);
    return calls.subList(leaders + 1, indexOf(calls, half.account(), leaders)).stream()
        .map(c -> c.method() + " " + c.path() + " by " + c.account().map(Object::toString).orElse("-")).toList();
  }

  /** The first order POST of {@code account} after index {@code after}; -1 when none (or after is -1). */
  private static int indexOf(List<RecordedCall> calls, FakeAccount account, int after) {
    if (after < 0) return -1;
    for (int i = after + 1; i < calls.size(); i++) {
      if (isOrderPost(calls.get(i), account)) return i;
    }
    return -1;
  }

  private int fundsReads(FakeAccount account) {
    return (int) FAKE.fake().requests().stream()
        .filter(c -> c.path().equals("/v2/fundlimit") && c.account().equals(Optional.of(account.id()))).count();
  }

  private static boolean isOrderPost(RecordedCall call, FakeAccount account) {
    return call.method().equals("POST") && call.path().equals("/v2/orders")
        && call.account().equals(Optional.of(account.id()));
  }
}
