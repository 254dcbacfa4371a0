package io.copytrade.domain.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Where each follower stands, read on every event: paused for the day (kept across a restart), stopped. */
class FollowerRosterTest {
  private final Desk desk = new Desk();
  private final List<Follower> followers = desk.three(UnaryOperator.identity());

  @Test
  void aFollowerPausedTodayTakesNoEntriesAfterARestartAndAgainTomorrow() {
    new FollowerRoster(followers, desk.store, desk.clock).pauseForToday(desk.half.id());

    FollowerRoster restarted = new FollowerRoster(followers, desk.store, desk.clock);
    assertThat(restarted.all()).extracting(f -> f.settings().enabled()).containsExactly(true, false, true);

    desk.clock.advance(Duration.ofDays(1));
    assertThat(restarted.all()).extracting(f -> f.settings().enabled()).containsExactly(true, true, true);
  }

  @Test
  void aStoppedFollowerIsLeftOutOfTheActiveOnesUntilItResumes() {
    FollowerRoster roster = new FollowerRoster(followers, desk.store, desk.clock);

    assertThat(roster.stop(desk.quarter.id(), "token refused")).isTrue();
    assertThat(roster.stop(desk.quarter.id(), "again")).isFalse();

    assertThat(roster.stopped(desk.quarter.id())).contains("token refused");
    assertThat(roster.all()).hasSize(3);
    assertThat(roster.active()).extracting(f -> f.settings().account()).containsExactly(desk.half.id(),
        desk.risky.id());
    assertThat(roster.resume(desk.quarter.id())).isTrue();
    assertThat(roster.active()).hasSize(3);
  }
}
