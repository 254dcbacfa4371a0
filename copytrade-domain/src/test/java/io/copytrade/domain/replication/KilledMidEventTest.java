package io.copytrade.domain.replication;

import static io.copytrade.domain.replication.LeaderOrder.NIFTY_CE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copytrade.domain.replication.FakeStore.KillPoint;
import io.copytrade.domain.replication.FakeStore.Killed;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.LeaderOrderUpdate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The process killed part-way through one leader event, then started again on the same store: the same frame
 * handled again (a duplicate to the store) decides what the kill left undecided, and repeats nothing.
 */
class KilledMidEventTest {
  private final Desk desk = new Desk();
  private final List<Follower> followers = desk.three(UnaryOperator.identity()).subList(0, 2);

  private void killedAndRestarted(LeaderOrderUpdate frame) {
    assertThatThrownBy(() -> desk.replicateTo(followers).handle(frame)).isInstanceOf(Killed.class);
    desk.store.restart();
    desk.replicateTo(followers).handle(frame); // a new process: nothing of the old one is in memory
  }

  @Test
  void aDuplicateFrameCopiesTheFollowerTheKillReachedNoIntentFor() {
    desk.store.kill(KillPoint.BEFORE_INTENT, copy -> copy.follower().equals(desk.half.id()));
    LeaderOrderUpdate frame = Frame.buy(520).update();

    killedAndRestarted(frame);

    assertThat(desk.store.leaderEvents).containsExactly(frame, frame);
    assertThat(desk.quarter.writes).containsExactly("place BUY 130 LIMIT 112.5");
    assertThat(desk.half.writes).containsExactly("place BUY 260 LIMIT 112.5");
  }

  @Test
  void anEntryTheKillLeftUndecidedAfterItsExitIsDecidedOnTheDuplicate() {
    desk.carries(desk.leader, NIFTY_CE_KEY, 520);
    desk.carries(desk.quarter, NIFTY_CE_KEY, 130);
    desk.carries(desk.half, NIFTY_CE_KEY, 260);
    desk.store.kill(KillPoint.BEFORE_INTENT, copy -> copy.step().equals(Step.ENTRY));

    killedAndRestarted(Frame.sell(780).price("120").update());

    // Each closes its position, then takes its share of the 260 beyond flat, once.
    assertThat(desk.quarter.writes).containsExactly("place SELL 130 LIMIT 120", "place SELL 65 LIMIT 120");
    assertThat(desk.half.writes).containsExactly("place SELL 260 LIMIT 120", "place SELL 130 LIMIT 120");
    assertThat(desk.steps(desk.quarter)).containsExactly("exit", "entry");
  }

  @Test
  void aStoredIntentIsLeftToResolutionNotPlacedByTheDuplicate() {
    desk.store.kill(KillPoint.AFTER_INTENT, copy -> copy.follower().equals(desk.half.id()));

    killedAndRestarted(Frame.buy(520).update());

    assertThat(desk.half.writes).isEmpty();
    assertThat(desk.copy(desk.half, Step.ENTRY).state()).isEqualTo(CopyState.INTENDED);
  }
}
