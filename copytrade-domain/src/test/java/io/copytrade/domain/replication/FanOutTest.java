package io.copytrade.domain.replication;

import static io.copytrade.domain.replication.LeaderOrder.NIFTY_CE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.copytrade.domain.replication.ReplicationResult.FollowerFailure;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.store.CopyMapping;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Followers run in parallel; one failing or slow never stops or delays another. */
class FanOutTest {
  private final Desk desk = new Desk();
  private final ExecutorService pool = Executors.newFixedThreadPool(3);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void oneFollowerThrowingWhileTheOthersExitIsReportedAfterThem() {
    desk.carries(desk.leader, NIFTY_CE_KEY, 520);
    desk.store.failWritesFor(desk.quarter.id());
    desk.carries(desk.half, NIFTY_CE_KEY, 260);
    desk.carries(desk.risky, NIFTY_CE_KEY, 195);
    ReplicateLeaderOrder replicate = desk.replicateTo(desk.three(UnaryOperator.identity()), pool);

    ReplicationResult result = replicate.replicate(Frame.sell(520).update());

    assertThat(result.failures()).extracting(FollowerFailure::follower).containsExactly(desk.quarter.id());
    assertThat(result.failures().get(0).error()).hasMessage("disk full");
    assertThat(result.copies()).extracting(CopyMapping::follower, CopyMapping::state).containsExactly(
        tuple(desk.half.id(), CopyState.PLACED),
        tuple(desk.risky.id(), CopyState.PLACED));
    assertThat(desk.quarter.writes).isEmpty();
    assertThat(desk.half.writes).containsExactly("place SELL 260 LIMIT 112.5");
    assertThat(desk.risky.writes).containsExactly("place SELL 195 LIMIT 112.5");
    // Nothing was recorded for QUARTER's exit, so the same event handled again retries it.
    assertThat(desk.steps(desk.quarter)).isEmpty();
    assertThat(catchThrowableOfType(ReplicationIncompleteException.class,
        () -> replicate.handle(Frame.sell(520).update()))).hasMessageContaining("QUARTER (disk full)");
  }

  @Test
  void aSlowFollowerDoesNotHoldUpTheOthers() {
    CountDownLatch othersPlaced = new CountDownLatch(2);
    AtomicBoolean waitedInVain = new AtomicBoolean();
    desk.quarter.onPlace(request -> waitedInVain.set(!await(othersPlaced)));
    desk.half.onPlace(request -> othersPlaced.countDown());
    desk.risky.onPlace(request -> othersPlaced.countDown());

    desk.replicateTo(desk.three(UnaryOperator.identity()), pool).handle(Frame.buy(520).update());

    assertThat(waitedInVain).isFalse();
    assertThat(desk.quarter.writes).containsExactly("place BUY 130 LIMIT 112.5");
    assertThat(desk.half.writes).containsExactly("place BUY 260 LIMIT 112.5");
    assertThat(desk.risky.writes).containsExactly("place BUY 195 LIMIT 112.5");
  }

  @Test
  void theLastFollowerRunsInTheCallersThreadWhileTheOthersRunOnThePool() {
    CountDownLatch othersPlaced = new CountDownLatch(2);
    AtomicBoolean waitedInVain = new AtomicBoolean();
    Thread caller = Thread.currentThread();
    AtomicBoolean lastRanHere = new AtomicBoolean();
    desk.risky.onPlace(request -> {
      lastRanHere.set(Thread.currentThread() == caller);
      waitedInVain.set(!await(othersPlaced));
    });
    desk.quarter.onPlace(request -> othersPlaced.countDown());
    desk.half.onPlace(request -> othersPlaced.countDown());
    AtomicInteger handedOver = new AtomicInteger();

    desk.replicateTo(desk.three(UnaryOperator.identity()), task -> {
      handedOver.incrementAndGet();
      pool.execute(task);
    }).handle(Frame.buy(520).update());

    assertThat(lastRanHere).isTrue();
    assertThat(waitedInVain).isFalse();
    assertThat(handedOver).hasValue(2);
    assertThat(desk.risky.writes).containsExactly("place BUY 195 LIMIT 112.5");
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
