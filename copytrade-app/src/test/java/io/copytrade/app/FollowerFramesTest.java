package io.copytrade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.copytrade.domain.replication.TrackFollowerOrders;
import io.copytrade.domain.replication.TrackFollowerOrders.Frame;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.OrderType;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.model.Validity;
import io.copytrade.ports.store.CopyMapping;
import io.copytrade.ports.store.CopyStore;
import io.copytrade.sqlite.SqliteStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Followers' frames that arrive while the event thread is busy are applied together, once it is free. */
class FollowerFramesTest {
  private static final Instant NOW = Instant.parse("2026-01-05T03:46:00Z");
  private static final InstrumentKey NIFTY_CE = InstrumentKey.of(ExchangeSegment.NSE_FNO, "35191");
  private static final AccountId QUARTER = AccountId.of("1000000002");
  private static final AccountId HALF = AccountId.of("1000000003");

  @TempDir Path dir;
  private SqliteStore store;
  /** The event thread, run by hand: what is queued on it waits until the test runs it. */
  private final Queue<Runnable> eventThread = new ArrayDeque<>();
  private final List<CopyMapping> changed = new ArrayList<>();
  private final List<AccountId> missed = new ArrayList<>();

  @BeforeEach
  void open() {
    store = SqliteStore.open(dir.resolve("copytrade.db"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void framesThatCameWhileTheEventThreadWasBusyAreAppliedByOneDrainInArrivalOrder() {
    FollowerFrames frames = framesInto(store);
    placed(QUARTER, "Q-1");
    placed(HALF, "H-1");

    frames.add(frame(QUARTER, "Q-1", OrderStatus.PART_TRADED, 65));
    frames.add(frame(HALF, "H-1", OrderStatus.TRADED, 130));
    frames.add(frame(QUARTER, "Q-1", OrderStatus.TRADED, 130));

    assertThat(eventThread).as("drains queued on the event thread").hasSize(1);
    eventThread.poll().run();
    assertThat(changed).extracting(CopyMapping::follower, CopyMapping::state).containsExactly(
        tuple(QUARTER, CopyState.PART_FILLED),
        tuple(HALF, CopyState.FILLED),
        tuple(QUARTER, CopyState.FILLED));
    assertThat(store.followerOrder(OrderId.of("Q-1"))).map(BrokerOrder::filledQuantity).contains(Quantity.of(130));

    frames.add(frame(HALF, "H-1", OrderStatus.TRADED, 130));
    assertThat(eventThread).as("a frame after the drain queues the next").hasSize(1);
    assertThat(missed).isEmpty();
  }

  @Test
  void aFrameThatCannotBeAppliedLosesNoOtherOfItsBatch() {
    // The half follower's order cannot be stored (a full disk, say): the quarter's frames still are.
    CopyStore failingForHalf = (CopyStore) Proxy.newProxyInstance(CopyStore.class.getClassLoader(),
        new Class<?>[] {CopyStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("recordFollowerOrder") && ((BrokerOrder) args[0]).account().equals(HALF)) {
            throw new IllegalStateException("disk full");
          }
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    FollowerFrames frames = framesInto(failingForHalf);
    placed(QUARTER, "Q-1");
    placed(HALF, "H-1");

    frames.add(frame(HALF, "H-1", OrderStatus.TRADED, 130));
    frames.add(frame(QUARTER, "Q-1", OrderStatus.TRADED, 130));
    eventThread.poll().run();

    assertThat(store.find(id(QUARTER))).map(CopyMapping::state).contains(CopyState.FILLED);
    assertThat(store.find(id(HALF))).map(CopyMapping::state).contains(CopyState.PLACED);
    assertThat(missed).as("whose book is to be read for it").containsExactly(HALF);
  }

  private FollowerFrames framesInto(CopyStore into) {
    return new FollowerFrames(new TrackFollowerOrders(into, List.of(), InstantSource.fixed(NOW)), eventThread::add,
        changed::add, missed::add);
  }

  private void placed(AccountId follower, String orderId) {
    store.recordLeaderEvent(LeaderCatchUp.asEvent(order(AccountId.of("1000000001"), "L-1", Optional.empty(),
        OrderStatus.PENDING, 0), NOW), NOW);
    CopyMapping intent = new CopyMapping(id(follower), OrderId.of("L-1"), follower, "entry", NIFTY_CE, Side.BUY,
        Quantity.of(260), Quantity.of(130), "test", CopyState.INTENDED, Optional.empty(), Optional.empty(), NOW,
        NOW);
    store.recordIntent(intent);
    store.update(new CopyMapping(intent.correlationId(), intent.leaderOrderId(), follower, "entry", NIFTY_CE,
        Side.BUY, intent.leaderQuantity(), intent.followerQuantity(), "test", CopyState.PLACED,
        Optional.of(OrderId.of(orderId)), Optional.empty(), NOW, NOW));
  }

  private static CorrelationId id(AccountId follower) {
    return CorrelationId.derive(OrderId.of("L-1"), follower, "entry");
  }

  private static Frame frame(AccountId follower, String orderId, OrderStatus status, int filled) {
    return new Frame(follower, order(follower, orderId, Optional.of(id(follower)), status, filled));
  }

  private static BrokerOrder order(AccountId account, String orderId, Optional<CorrelationId> correlationId,
      OrderStatus status, int filled) {
    return new BrokerOrder(account, OrderId.of(orderId), correlationId, status, Side.BUY, NIFTY_CE,
        ProductType.INTRADAY, OrderType.LIMIT, Validity.DAY, Quantity.of(130), Quantity.of(filled),
        Price.ofRupees("112.50"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
