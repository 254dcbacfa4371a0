package io.copytrade.domain.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.store.CopyMapping;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Placed copies follow what happened to their orders at the broker. */
class TrackFollowerOrdersTest {
  private final Desk desk = new Desk();
  private final List<Follower> followers = desk.three(UnaryOperator.identity());
  private final ReplicateLeaderOrder replicate = desk.replicateTo(followers);
  private final TrackFollowerOrders track = new TrackFollowerOrders(desk.store, followers, desk.clock);
  private final Frame order = Frame.buy(520);

  @Test
  void fillsPartFillsAndCancelsAtTheBrokerMoveTheCopies() {
    replicate.handle(order.update());
    desk.quarter.exchange(OrderId.of("QUARTER-1"), OrderStatus.TRADED, 130);
    desk.half.exchange(OrderId.of("HALF-1"), OrderStatus.PART_TRADED, 65);
    desk.risky.exchange(OrderId.of("RISKY-1"), OrderStatus.CANCELLED, 0);

    List<CopyMapping> changed = track.refresh();

    assertThat(changed).extracting(CopyMapping::follower, CopyMapping::state).containsExactlyInAnyOrder(
        tuple(desk.quarter.id(), CopyState.FILLED),
        tuple(desk.half.id(), CopyState.PART_FILLED),
        tuple(desk.risky.id(), CopyState.CANCELLED));
    assertThat(desk.copy(desk.quarter, "entry").state()).isEqualTo(CopyState.FILLED);
    assertThat(desk.store.auditActions()).contains("copy_status_refreshed");
  }

  @Test
  void aSecondPassChangesNothingAndSendsNothing() {
    replicate.handle(order.update());
    desk.quarter.exchange(OrderId.of("QUARTER-1"), OrderStatus.TRADED, 130);
    track.refresh();

    assertThat(track.refresh()).isEmpty();
    assertThat(desk.quarter.writes).containsExactly("place BUY 130 LIMIT 112.5");
  }

  @Test
  void modificationRecordsKeepTheirStateWhileTheOrderItselfIsTracked() {
    replicate.handle(order.update());
    replicate.handle(order.quantity(780).price("113").later(1).update());
    desk.quarter.exchange(OrderId.of("QUARTER-1"), OrderStatus.TRADED, 195);

    track.refresh();

    assertThat(desk.copy(desk.quarter, "entry").state()).isEqualTo(CopyState.FILLED);
    assertThat(desk.copy(desk.quarter, "entry/m1").state()).isEqualTo(CopyState.PLACED);
  }

  @Test
  void aFollowerWhoseBrokerFailsDoesNotStopTheOthers() {
    replicate.handle(order.update());
    desk.half.exchange(OrderId.of("HALF-1"), OrderStatus.TRADED, 260);
    desk.quarter.failLookups(new IllegalStateException("broker down"));

    assertThat(track.refresh()).extracting(CopyMapping::follower).containsExactly(desk.half.id());
  }
}
