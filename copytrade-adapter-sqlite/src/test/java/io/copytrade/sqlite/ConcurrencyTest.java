package io.copytrade.sqlite;

import static io.copytrade.sqlite.Fixtures.at;
import static io.copytrade.sqlite.Fixtures.intent;
import static io.copytrade.sqlite.Fixtures.leaderOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.store.AuditEntry;
import io.copytrade.ports.store.CopyMapping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int COPIES_PER_THREAD = 50;

  @TempDir Path dir;

  @Test
  void eightFollowerThreadsWritingAtOnceLoseNothing() throws Exception {
    Path file = dir.resolve("copy.db");
    try (SqliteStore store = SqliteStore.open(file)) {
      for (int n = 0; n < COPIES_PER_THREAD; n++) {
        store.recordLeaderEvent(leaderOrder("L" + n, OrderStatus.PENDING, 0, at(n)), at(n));
      }
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        AccountId follower = AccountId.of("F" + t);
        results.add(pool.submit(copyEveryLeaderOrder(store, follower, start)));
      }
      start.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();

      for (Future<Integer> placed : results) assertThat(placed.get()).isEqualTo(COPIES_PER_THREAD);
      assertThat(store.inStates(EnumSet.of(CopyState.PLACED))).hasSize(THREADS * COPIES_PER_THREAD);
      assertThat(store.inStates(EnumSet.of(CopyState.INTENDED))).isEmpty();
      assertThat(store.copiesOf(OrderId.of("L7"))).hasSize(THREADS);
    }
    assertThat(new RawDatabase(file).count("audit_log")).isEqualTo(THREADS * COPIES_PER_THREAD);
  }

  @Test
  void intentsStoredAtOnceAreAllStoredAndOneThatFailsFailsAlone() throws Exception {
    try (SqliteStore store = SqliteStore.open(dir.resolve("copy.db"))) {
      store.recordLeaderEvent(leaderOrder("L1", OrderStatus.PENDING, 0, at(0)), at(0));
      store.recordIntent(intent("L1", AccountId.of("F0"), "entry", at(1)));
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        // F0's second copy of the same step under another correlation id breaks the one-copy-per-step rule.
        CopyMapping intent = t == 0 ? sameStepAnotherId(intent("L1", AccountId.of("F0"), "entry", at(2)))
            : intent("L1", AccountId.of("F" + t), "entry", at(2));
        results.add(pool.submit(() -> {
          start.await();
          return store.recordIntent(intent, placeOrder(intent, 2));
        }));
      }
      start.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(results.get(0)::get).hasCauseInstanceOf(IllegalStateException.class)
          .hasMessageContaining("UNIQUE");
      for (Future<Boolean> stored : results.subList(1, THREADS)) assertThat(stored.get()).isTrue();
      assertThat(store.copiesOf(OrderId.of("L1"))).hasSize(THREADS);
    }
    assertThat(new RawDatabase(dir.resolve("copy.db")).count("audit_log")).isEqualTo(THREADS - 1);
  }

  @Test
  void outcomesStoredAtOnceKeepTheirAuditLinesAndOneThatFailsFailsAlone() throws Exception {
    try (SqliteStore store = SqliteStore.open(dir.resolve("copy.db"))) {
      store.recordLeaderEvent(leaderOrder("L1", OrderStatus.PENDING, 0, at(0)), at(0));
      List<CopyMapping> placed = new ArrayList<>();
      for (int t = 1; t < THREADS; t++) {
        CopyMapping intent = intent("L1", AccountId.of("F" + t), "entry", at(1));
        store.recordIntent(intent);
        placed.add(placed(intent, "O" + t));
      }
      // F0 never stored an intent: its outcome has nothing to update.
      placed.add(0, placed(intent("L1", AccountId.of("F0"), "entry", at(1)), "O0"));
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> results = new ArrayList<>();
      for (CopyMapping outcome : placed) {
        results.add(pool.submit(() -> {
          start.await();
          store.recordOutcome(outcome, placeOrder(outcome, 2));
          return null;
        }));
      }
      start.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(results.get(0)::get).hasCauseInstanceOf(IllegalStateException.class);
      for (Future<?> stored : results.subList(1, THREADS)) stored.get();
      assertThat(store.copiesOf(OrderId.of("L1"))).extracting(CopyMapping::state).hasSize(THREADS - 1)
          .containsOnly(CopyState.PLACED);
    }
    assertThat(new RawDatabase(dir.resolve("copy.db")).count("audit_log")).isEqualTo(THREADS - 1);
  }

  @Test
  void aReadDoesNotWaitForATransactionUnderWayAndSeesOnlyWhatIsCommitted() throws Exception {
    try (SqliteStore store = SqliteStore.open(dir.resolve("copy.db"))) {
      store.recordLeaderEvent(leaderOrder("L1", OrderStatus.PENDING, 0, at(0)), at(0));
      CountDownLatch written = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<List<CopyMapping>> seenInside = pool.submit(() -> {
          List<List<CopyMapping>> inside = new ArrayList<>();
          store.inOneTransaction(() -> {
            store.recordIntent(intent("L1", AccountId.of("F1"), "entry", at(1)));
            inside.add(store.copiesOf(OrderId.of("L1")));
            written.countDown();
            awaitQuietly(release);
          });
          return inside.get(0);
        });
        assertThat(written.await(5, TimeUnit.SECONDS)).isTrue();

        Future<List<CopyMapping>> seenOutside = pool.submit(() -> store.copiesOf(OrderId.of("L1")));
        assertThat(seenOutside.get(5, TimeUnit.SECONDS)).isEmpty();
        release.countDown();
        assertThat(seenInside.get(5, TimeUnit.SECONDS)).extracting(CopyMapping::follower)
            .containsExactly(AccountId.of("F1"));
        assertThat(store.copiesOf(OrderId.of("L1"))).hasSize(1);
      } finally {
        release.countDown();
        pool.shutdownNow();
      }
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static CopyMapping placed(CopyMapping copy, String orderId) {
    return new CopyMapping(copy.correlationId(), copy.leaderOrderId(), copy.follower(), copy.step(),
        copy.instrument(), copy.side(), copy.leaderQuantity(), copy.followerQuantity(), copy.sizing(),
        CopyState.PLACED, Optional.of(OrderId.of(orderId)), copy.reason(), copy.createdAt(), at(2));
  }

  private static CopyMapping sameStepAnotherId(CopyMapping copy) {
    return new CopyMapping(CorrelationId.derive(copy.leaderOrderId(), copy.follower(), "other"),
        copy.leaderOrderId(), copy.follower(), copy.step(), copy.instrument(), copy.side(), copy.leaderQuantity(),
        copy.followerQuantity(), copy.sizing(), copy.state(), copy.followerOrderId(), copy.reason(),
        copy.createdAt(), copy.updatedAt());
  }

  private static AuditEntry placeOrder(CopyMapping intent, long at) {
    return new AuditEntry(at(at), "place_order", Optional.of(intent.follower()), Optional.of(intent.leaderOrderId()),
        Optional.of(intent.correlationId()), "{}", Optional.empty(), Optional.empty());
  }

  /**
   * Each thread stores an intent with its audit line, repeats it (as a retry would: neither is stored again),
   * and places it.
   */
  private static Callable<Integer> copyEveryLeaderOrder(SqliteStore store, AccountId follower,
      CountDownLatch start) {
    return () -> {
      start.await();
      int placed = 0;
      for (int n = 0; n < COPIES_PER_THREAD; n++) {
        CopyMapping intent = intent("L" + n, follower, "entry", at(100 + n));
        boolean first = store.recordIntent(intent, placeOrder(intent, 100 + n));
        boolean retry = store.recordIntent(intent, placeOrder(intent, 150 + n));
        store.update(intent.moveTo(CopyState.PLACED, Optional.of(OrderId.of(follower + "-" + n)),
            Optional.empty(), at(200 + n)));
        if (first && !retry) placed++;
      }
      return placed;
    };
  }
}
