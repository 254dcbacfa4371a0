package io.copytrade.app;

import static io.copytrade.app.ScenarioDesk.LOT;
import static io.copytrade.app.ScenarioDesk.NIFTY_CE;
import static org.assertj.core.api.Assertions.assertThat;

import io.copytrade.app.ScenarioDesk.Follower;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.testkit.FakeDhanExtension;
import io.copytrade.testkit.FakeOrder;
import io.copytrade.testkit.FakeOrderSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A follower's fills reach the engine on the follower's own order-update socket, as they happen, not at the
 * next 30 s sweep of its book: an exit the leader makes right after a partial fill is sized from what the
 * follower's copy has filled by then.
 */
class FollowerFillsTest {
  @RegisterExtension static final FakeDhanExtension FAKE = new FakeDhanExtension();

  @TempDir Path dir;
  private ScenarioDesk desk;
  private Follower half;

  @BeforeEach
  void start() {
    desk = new ScenarioDesk(FAKE.fake(), dir);
    half = desk.startWithHalf();
    half.account().awaitOrderSocket(ScenarioDesk.WAIT);
  }

  @AfterEach
  void stopEngine() {
    desk.close();
  }

  @Test
  void aPartFilledCopyIsSeenAtOnceAndTheLeadersExitClosesWhatItFilled() {
    OrderId entry = desk.leader.places(FakeOrderSpec.buy(NIFTY_CE).quantity(8 * LOT).limit("112.50"));
    FakeOrder copy = desk.oneCopyEach(entry, "entry", 4 * LOT).get(half);
    desk.awaitStatus(half.account(), copy.orderId(), "PENDING");
    FAKE.market().fill(entry, 4 * LOT); // the exchange fills half of the leader's order and of the copy
    FAKE.market().fill(copy.orderId(), 2 * LOT);

    ScenarioDesk.awaitUntil("the copy part-filled in the engine's store",
        () -> desk.onlyStoredCopy(entry, half).state().equals("PART_FILLED"));
    desk.awaitHandled(entry, update -> update.filledQuantity().units() == 4 * LOT);
    OrderId exit = desk.leader.places(FakeOrderSpec.sell(NIFTY_CE).quantity(4 * LOT).market());

    assertThat(desk.oneCopyEach(exit, "exit", 2 * LOT).get(half).quantity()).isEqualTo(2 * LOT);
    desk.awaitPosition(half, NIFTY_CE, 0);
    desk.leader.cancels(entry);
    desk.awaitHandled(entry, update -> update.status() == OrderStatus.CANCELLED);
    desk.awaitStatus(half.account(), copy.orderId(), "CANCELLED");
    assertThat(ScenarioDesk.netPosition(half.account(), NIFTY_CE)).isZero();
  }
}
