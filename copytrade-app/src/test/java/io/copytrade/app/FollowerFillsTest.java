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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A follower's fills reach the engine on the follower's own order-update socket, as they happen, not at the
 * next read of its book: an exit the leader makes right after a partial fill is sized from what the follower's
 * copy has filled by then. The book is read when the socket may have missed something, not at every pass: after
 * the socket was down, and, for a frame lost on a socket that stayed connected (which Dhan does not rule out),
 * once {@code followerBookEvery} has passed. Either way the follower's fill is found and its exit closes it.
 */
class FollowerFillsTest {
  @RegisterExtension static final FakeDhanExtension FAKE = new FakeDhanExtension();

  @TempDir Path dir;
  private ScenarioDesk desk;

  @AfterEach
  void stopEngine() {
    desk.close();
  }

  @Test
  void aPartFilledCopyIsSeenAtOnceAndTheLeadersExitClosesWhatItFilled() {
    Follower half = start(EngineConfig.FOLLOWER_BOOK_EVERY);
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

  @Test
  void aFillLostOnALiveSocketIsFoundInTheBookWithinFollowerBookEveryAndTheExitClosesIt() {
    Follower half = start(Duration.ofSeconds(2));
    OrderId entry = desk.leader.places(FakeOrderSpec.buy(NIFTY_CE).quantity(8 * LOT).limit("112.50"));
    FakeOrder copy = restingCopy(half, entry);

    half.account().losesOrderFrames(1);
    FAKE.market().fill(entry, 8 * LOT);
    FAKE.market().fill(copy.orderId(), 4 * LOT);

    ScenarioDesk.awaitUntil("the copy filled in the engine's store, read from the follower's book",
        () -> desk.onlyStoredCopy(entry, half).state().equals("FILLED"));
    OrderId exit = desk.leader.places(FakeOrderSpec.sell(NIFTY_CE).quantity(8 * LOT).market());
    assertThat(desk.oneCopyEach(exit, "exit", 4 * LOT).get(half).quantity()).isEqualTo(4 * LOT);
    desk.awaitPosition(half, NIFTY_CE, 0);
  }

  @Test
  void aConnectedFollowersBookIsNotReadAgainUntilItsSocketWentDown() {
    Follower half = start(Duration.ofSeconds(20)); // a pass every 2 s; this follower's first periodic read at 20 s
    OrderId entry = desk.leader.places(FakeOrderSpec.buy(NIFTY_CE).quantity(8 * LOT).limit("112.50"));
    FakeOrder copy = restingCopy(half, entry);
    int bookReads = bookReads(half.account());

    half.account().losesOrderFrames(1);
    FAKE.market().fill(copy.orderId(), 4 * LOT);
    assertThat(Poll.until(Duration.ofSeconds(5), () -> !desk.onlyStoredCopy(entry, half).state().equals("PLACED")
        || bookReads(half.account()) > bookReads)).as("the copy moved or the book was read within 5 s").isFalse();
    assertThat(desk.onlyStoredCopy(entry, half).state()).as("the fill's frame was lost").isEqualTo("PLACED");
    assertThat(bookReads(half.account())).as("no read of a connected follower's book").isEqualTo(bookReads);

    half.account().dropOrderSocket();

    ScenarioDesk.awaitUntil("the copy filled in the engine's store after the socket came back",
        () -> desk.onlyStoredCopy(entry, half).state().equals("FILLED"));
    assertThat(bookReads(half.account())).isGreaterThan(bookReads);
  }

  private Follower start(Duration followerBookEvery) {
    desk = new ScenarioDesk(FAKE.fake(), dir);
    Follower half = desk.startWithHalfConfigured(config -> config.withFollowerBookEvery(followerBookEvery));
    half.account().awaitOrderSocket(ScenarioDesk.WAIT);
    return half;
  }

  /** The follower's copy of the leader's entry, resting, and the engine has heard so on the follower's socket. */
  private FakeOrder restingCopy(Follower half, OrderId entry) {
    FakeOrder copy = desk.oneCopyEach(entry, "entry", 4 * LOT).get(half);
    ScenarioDesk.awaitUntil("the copy's PENDING frame stored",
        () -> desk.storedFollowerOrderStatus(copy.orderId()).equals(Optional.of("PENDING")));
    return copy;
  }

  private static int bookReads(FakeAccount account) {
    return (int) FAKE.fake().requests().stream()
        .filter(c -> c.method().equals("GET") && c.path().equals("/v2/orders"))
        .filter(c -> c.account().equals(Optional.of(account.id())))
        .count();
  }
}
