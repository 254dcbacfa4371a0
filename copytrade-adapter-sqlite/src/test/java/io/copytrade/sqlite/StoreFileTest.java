package io.copytrade.sqlite;

import static io.copytrade.sqlite.Fixtures.FOLLOWER_A;
import static io.copytrade.sqlite.Fixtures.at;
import static io.copytrade.sqlite.Fixtures.intent;
import static io.copytrade.sqlite.Fixtures.leaderOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.store.AuditEntry;
import io.copytrade.ports.store.CopyMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFileTest {
  @TempDir Path dir;

  @Test
  void dataSurvivesCloseAndReopen() {
    Path file = dir.resolve("copy.db");
    CopyMapping intent = intent("L1", FOLLOWER_A, "entry", at(10));
    try (SqliteStore store = SqliteStore.open(file)) {
      store.recordLeaderEvent(leaderOrder("L1", OrderStatus.PENDING, 0, at(0)), at(1));
      store.recordIntent(intent);
    }

    try (SqliteStore reopened = SqliteStore.open(file)) {
      assertThat(reopened.inStates(EnumSet.of(CopyState.INTENDED))).containsExactly(intent);
      assertThat(reopened.recordLeaderEvent(leaderOrder("L1", OrderStatus.PENDING, 0, at(0)), at(2))).isFalse();
    }
  }

  @Test
  void aBackupOpensWithTheSameRows() {
    Path backup = dir.resolve("backup.db");
    CopyMapping placed = intent("L1", FOLLOWER_A, "entry", at(10))
        .moveTo(CopyState.PLACED, Optional.empty(), Optional.empty(), at(11));
    try (SqliteStore store = SqliteStore.open(dir.resolve("copy.db"))) {
      store.recordLeaderEvent(leaderOrder("L1", OrderStatus.PENDING, 0, at(0)), at(1));
      store.recordIntent(placed);
      store.setConfig("copy_enabled", "false", at(12));

      store.backupTo(backup);

      store.setConfig("copy_enabled", "true", at(13)); // after the backup: not in it
    }

    try (SqliteStore restored = SqliteStore.open(backup)) {
      assertThat(restored.find(placed.correlationId())).contains(placed);
      assertThat(restored.config("copy_enabled")).contains("false");
      assertThat(restored.recordLeaderEvent(leaderOrder("L1", OrderStatus.PENDING, 0, at(0)), at(2))).isFalse();
    }
  }

  @Test
  void aBackupAfterWritesCommittedTogetherHoldsThem() {
    Path backup = dir.resolve("backup.db");
    CopyMapping intent = intent("L1", FOLLOWER_A, "entry", at(10));
    CopyMapping placed = intent.moveTo(CopyState.PLACED, Optional.of(OrderId.of("F1")), Optional.empty(), at(11));
    try (SqliteStore store = SqliteStore.open(dir.resolve("copy.db"))) {
      store.recordLeaderEvent(leaderOrder("L1", OrderStatus.PENDING, 0, at(0)), at(1));
      store.recordIntent(intent, audit(intent, "place_order", at(10)));
      store.recordOutcome(placed, audit(placed, "place_order", at(11)));

      store.backupTo(backup);
    }

    try (SqliteStore restored = SqliteStore.open(backup)) {
      assertThat(restored.find(placed.correlationId())).contains(placed);
    }
    assertThat(new RawDatabase(backup).count("audit_log")).isEqualTo(2);
  }

  private static AuditEntry audit(CopyMapping copy, String action, Instant at) {
    return new AuditEntry(at, action, Optional.of(copy.follower()), Optional.of(copy.leaderOrderId()),
        Optional.of(copy.correlationId()), "{}", Optional.empty(), Optional.empty());
  }

  @Test
  void aBackupRefusesAnExistingTarget() throws Exception {
    Path existing = Files.writeString(dir.resolve("existing.db"), "keep me");
    try (SqliteStore store = SqliteStore.open(dir.resolve("copy.db"))) {
      assertThatThrownBy(() -> store.backupTo(existing)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("existing.db");
    }
    assertThat(Files.readString(existing)).isEqualTo("keep me");
  }

  @Test
  void aClosedStoreRefusesCalls() {
    SqliteStore store = SqliteStore.open(dir.resolve("copy.db"));
    store.close();
    store.close();

    assertThatThrownBy(() -> store.config("copy_enabled")).isInstanceOf(IllegalStateException.class)
        .hasMessage("the store is closed");
  }
}
