package io.copytrade.sqlite;

import static io.copytrade.sqlite.Fixtures.FOLLOWER_A;
import static io.copytrade.sqlite.Fixtures.FOLLOWER_B;
import static io.copytrade.sqlite.Fixtures.at;
import static io.copytrade.sqlite.Fixtures.intent;
import static io.copytrade.sqlite.Fixtures.leaderOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.store.CopyMapping;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyMappingsTest {
  @TempDir Path dir;
  SqliteStore store;

  @BeforeEach
  void open() {
    store = SqliteStore.open(dir.resolve("copy.db"));
    store.recordLeaderEvent(leaderOrder("L1", OrderStatus.PENDING, 0, at(0)), at(1));
    store.recordLeaderEvent(leaderOrder("L2", OrderStatus.PENDING, 0, at(0)), at(1));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void anIntentRoundTripsWithItsOptionalsAbsent() {
    CopyMapping intent = intent("L1", FOLLOWER_A, "entry", at(10));

    assertThat(store.recordIntent(intent)).isTrue();

    assertThat(store.find(intent.correlationId())).contains(intent);
  }

  @Test
  void aMappingRoundTripsWithItsOptionalsPresent() {
    CopyMapping intent = intent("L1", FOLLOWER_A, "entry", at(10));
    store.recordIntent(intent);
    CopyMapping placed = intent.moveTo(CopyState.REJECTED, Optional.of(OrderId.of("F1")),
        Optional.of("DH-906 insufficient margin"), at(20));

    store.update(placed);

    assertThat(store.find(intent.correlationId())).contains(placed);
  }

  @Test
  void aSecondIntentWithTheSameCorrelationIdIsRefusedAndChangesNothing() {
    CopyMapping first = intent("L1", FOLLOWER_A, "entry", at(10));
    store.recordIntent(first);
    CopyMapping again = new CopyMapping(first.correlationId(), first.leaderOrderId(), first.follower(), "entry",
        first.instrument(), first.side(), first.leaderQuantity(), Quantity.of(65), "other", CopyState.PLACED,
        Optional.of(OrderId.of("F9")), Optional.of("retry"), at(30), at(30));

    assertThat(store.recordIntent(again)).isFalse();

    assertThat(store.find(first.correlationId())).contains(first);
  }

  @Test
  void aSecondCopyOfTheSameStepToTheSameFollowerIsAnError() {
    CopyMapping first = intent("L1", FOLLOWER_A, "entry", at(10));
    store.recordIntent(first);
    CopyMapping sameStep = new CopyMapping(CorrelationId.of("other-id"), first.leaderOrderId(), FOLLOWER_A,
        "entry", first.instrument(), first.side(), first.leaderQuantity(), first.followerQuantity(),
        first.sizing(), CopyState.INTENDED, Optional.empty(), Optional.empty(), at(11), at(11));

    assertThatThrownBy(() -> store.recordIntent(sameStep))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("UNIQUE");
  }

  @Test
  void aModificationIsACopyOfItsOwnNamingTheSameFollowerOrder() {
    CopyMapping entry = intent("L1", FOLLOWER_A, "entry", at(10));
    CopyMapping modify = intent("L1", FOLLOWER_A, "entry/m1", at(11));
    store.recordIntent(entry);
    store.recordIntent(modify);
    OrderId followerOrder = OrderId.of("F-1");

    store.update(entry.moveTo(CopyState.PLACED, Optional.of(followerOrder), Optional.empty(), at(12)));
    store.update(modify.moveTo(CopyState.PLACED, Optional.of(followerOrder), Optional.empty(), at(13)));

    assertThat(store.copiesOf(entry.leaderOrderId())).extracting(CopyMapping::followerOrderId)
        .containsExactly(Optional.of(followerOrder), Optional.of(followerOrder));
  }

  @Test
  void aReconciliationCopyNeedsNoLeaderOrder() {
    CopyMapping reconcile = intent("reconcile:20260302T093000:NSE_FNO:35191:MARGIN", FOLLOWER_A,
        "reconcile-open", at(10));

    assertThat(store.recordIntent(reconcile)).isTrue();

    assertThat(store.find(reconcile.correlationId())).contains(reconcile);
  }

  @Test
  void instrumentsCopiedToAFollowerLeaveOutSkippedCopies() {
    store.recordIntent(intent("L1", FOLLOWER_A, "entry", at(10)));
    CopyMapping skipped = intent("L2", FOLLOWER_B, "entry", at(10));
    store.recordIntent(skipped.moveTo(CopyState.SKIPPED, Optional.empty(), Optional.of("under one lot"), at(10)));

    assertThat(store.instrumentsCopiedTo(FOLLOWER_A)).containsExactly(Fixtures.NIFTY_CE);
    assertThat(store.instrumentsCopiedTo(FOLLOWER_B)).isEmpty();
  }

  @Test
  void theHandledFillAndStatusAreTheNewestEvenWhenALateFrameCameLast() {
    store.recordLeaderEvent(leaderOrder("L1", OrderStatus.TRADED, 520, at(5)), at(6));
    store.recordLeaderEvent(leaderOrder("L1", OrderStatus.PART_TRADED, 130, at(3)), at(7));

    assertThat(store.handledFill(OrderId.of("L1"))).contains(Quantity.of(520));
    assertThat(store.handledFill(OrderId.of("L9"))).isEmpty();
    assertThat(store.leaderStatus(OrderId.of("L1"))).contains(OrderStatus.TRADED);
    assertThat(store.leaderStatus(OrderId.of("L9"))).isEmpty();
  }

  @Test
  void anIntentForAnUnrecordedLeaderOrderIsAnError() {
    assertThatThrownBy(() -> store.recordIntent(intent("L-unknown", FOLLOWER_A, "entry", at(10))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("FOREIGN KEY");
  }

  @Test
  void updatingWithoutAnIntentIsAnError() {
    CopyMapping never = intent("L1", FOLLOWER_A, "entry", at(10));

    assertThatThrownBy(() -> store.update(never.moveTo(CopyState.PLACED, Optional.empty(), Optional.empty(),
        at(20)))).isInstanceOf(IllegalStateException.class).hasMessageContaining(never.correlationId().value());
    assertThat(store.find(never.correlationId())).isEmpty();
  }

  @Test
  void anUpdateMayNotChangeTheIntent() {
    CopyMapping intent = intent("L1", FOLLOWER_A, "entry", at(10));
    store.recordIntent(intent);
    CopyMapping resized = new CopyMapping(intent.correlationId(), intent.leaderOrderId(), intent.follower(),
        intent.step(), intent.instrument(), intent.side(), intent.leaderQuantity(), Quantity.of(260),
        intent.sizing(), CopyState.PLACED, Optional.of(OrderId.of("F1")), Optional.empty(), intent.createdAt(),
        at(20));

    assertThatThrownBy(() -> store.update(resized)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("followerQuantity=130").hasMessageContaining("followerQuantity=260");
    assertThat(store.find(intent.correlationId())).contains(intent);
  }

  @Test
  void copiesOfALeaderOrderComeOldestFirstAcrossFollowers() {
    CopyMapping b = intent("L1", FOLLOWER_B, "entry", at(10));
    CopyMapping a = intent("L1", FOLLOWER_A, "entry", at(10)); // same time: insertion order decides
    CopyMapping exit = intent("L1", FOLLOWER_A, "exit-1", at(5));
    CopyMapping otherOrder = intent("L2", FOLLOWER_A, "entry", at(1));
    for (CopyMapping m : new CopyMapping[] {b, a, exit, otherOrder}) store.recordIntent(m);

    assertThat(store.copiesOf(OrderId.of("L1"))).containsExactly(exit, b, a);
    assertThat(store.copiesOf(OrderId.of("L3"))).isEmpty();
    assertThat(store.copiesOf(OrderId.of("L1"), FOLLOWER_A)).containsExactly(exit, a);
    assertThat(store.copiesOf(OrderId.of("L1"), FOLLOWER_B)).containsExactly(b);
    assertThat(store.copiesOf(OrderId.of("L2"), FOLLOWER_B)).isEmpty();
  }

  @Test
  void copiesInStatesComeOldestFirst() {
    CopyMapping unknown = intent("L1", FOLLOWER_A, "entry", at(30))
        .moveTo(CopyState.UNKNOWN, Optional.empty(), Optional.empty(), at(31));
    CopyMapping intended = intent("L1", FOLLOWER_B, "entry", at(20));
    CopyMapping filled = intent("L2", FOLLOWER_A, "entry", at(10))
        .moveTo(CopyState.FILLED, Optional.of(OrderId.of("F1")), Optional.empty(), at(11));
    for (CopyMapping m : new CopyMapping[] {unknown, intended, filled}) store.recordIntent(m);

    assertThat(store.inStates(EnumSet.of(CopyState.INTENDED, CopyState.UNKNOWN)))
        .containsExactly(intended, unknown);
    assertThat(store.inStates(EnumSet.allOf(CopyState.class))).containsExactly(filled, intended, unknown);
    assertThat(store.inStates(EnumSet.of(CopyState.PLACED))).isEmpty();
    assertThat(store.inStates(Set.of())).isEmpty();
  }
}
