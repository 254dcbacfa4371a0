package io.copytrade.sqlite;

import static io.copytrade.sqlite.Fixtures.at;
import static io.copytrade.sqlite.Fixtures.intent;
import static io.copytrade.sqlite.Fixtures.leaderOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.CopyState;
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

  /** Each thread records an intent, repeats it (as a retry would), places it and audits it. */
  private static Callable<Integer> copyEveryLeaderOrder(SqliteStore store, AccountId follower,
      CountDownLatch start) {
    return () -> {
      start.await();
      int placed = 0;
      for (int n = 0; n < COPIES_PER_THREAD; n++) {
        CopyMapping intent = intent("L" + n, follower, "entry", at(100 + n));
        boolean first = store.recordIntent(intent);
        boolean retry = store.recordIntent(intent);
        store.update(intent.moveTo(CopyState.PLACED, Optional.of(OrderId.of(follower + "-" + n)),
            Optional.empty(), at(200 + n)));
        store.audit(new AuditEntry(at(200 + n), "place_order", Optional.of(follower),
            Optional.of(intent.leaderOrderId()), Optional.of(intent.correlationId()), "{}", Optional.of("PLACED"),
            Optional.of(1L)));
        if (first && !retry) placed++;
      }
      return placed;
    };
  }
}
