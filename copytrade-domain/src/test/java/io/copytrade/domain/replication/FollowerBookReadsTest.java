package io.copytrade.domain.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copytrade.domain.replication.FollowerBookReads.Read;
import io.copytrade.ports.model.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A follower's whole-day book is read when its socket may have missed something, not at every pass. */
class FollowerBookReadsTest {
  private static final Instant START = Instant.parse("2026-12-08T03:45:00Z");
  private static final Duration EVERY = Duration.ofMinutes(5);
  private final AccountId alice = AccountId.of("1000000001");
  private final AccountId bob = AccountId.of("1000000002");
  private final FollowerBookReads reads = new FollowerBookReads(List.of(alice, bob), EVERY, START);

  @Test
  void everyFollowerIsReadUntilItsSocketConnectsAndThenNotAgainUntilEveryHasPassed() {
    assertThat(followers(reads.due(START))).containsExactly(alice, bob);
    reads.due(START).forEach(read -> reads.done(read, START));
    assertThat(followers(reads.due(START.plusSeconds(30)))).as("not connected yet").containsExactly(alice, bob);

    reads.connected(alice);
    reads.connected(bob);

    assertThat(reads.due(START.plusSeconds(30))).isEmpty();
    assertThat(followers(reads.due(START.plus(EVERY)))).containsExactly(alice, bob);
  }

  @Test
  void aSocketThatWentDownIsReadAtTheNextPassThoughItConnectedAgain() {
    connectBoth();

    reads.disconnected(bob);
    reads.connected(bob);

    assertThat(followers(reads.due(START.plusSeconds(30)))).containsExactly(bob);
    reads.done(reads.due(START.plusSeconds(30)).get(0), START.plusSeconds(30));
    assertThat(reads.due(START.plusSeconds(60))).isEmpty();
  }

  @Test
  void aReadThatStartedBeforeTheSocketWentDownDoesNotCoverIt() {
    connectBoth();
    Read started = reads.now(bob).orElseThrow();

    reads.disconnected(bob);
    reads.connected(bob);
    reads.done(started, START.plusSeconds(1));

    assertThat(followers(reads.due(START.plusSeconds(30)))).containsExactly(bob);
  }

  @Test
  void aFrameThatCouldNotBeAppliedIsLookedForInTheBook() {
    connectBoth();

    reads.missed(alice);

    assertThat(followers(reads.due(START.plusSeconds(30)))).containsExactly(alice);
  }

  @Test
  void aFollowerWhoseReadFailedStaysDue() {
    connectBoth();
    reads.missed(alice);
    reads.due(START.plusSeconds(30)); // asked, never done

    assertThat(followers(reads.due(START.plusSeconds(60)))).containsExactly(alice);
  }

  @Test
  void theFirstPeriodicReadsAreSpreadOverEvery() {
    List<AccountId> hundred = IntStream.rangeClosed(1, 100)
        .mapToObj(i -> AccountId.of(String.valueOf(2000000000L + i))).toList();
    FollowerBookReads spread = new FollowerBookReads(hundred, EVERY, START);
    spread.due(START).forEach(read -> spread.done(read, START)); // the start-up pass, before the sockets
    hundred.forEach(spread::connected);
    hundred.forEach(follower -> spread.done(spread.now(follower).orElseThrow(), START)); // each on connecting

    assertThat(spread.due(START.plusSeconds(30))).hasSize(10);
    assertThat(spread.due(START.plusSeconds(150))).hasSize(50);
    assertThat(spread.due(START.plus(EVERY))).hasSize(100);
    spread.due(START.plusSeconds(30)).forEach(read -> spread.done(read, START.plusSeconds(30)));
    assertThat(spread.due(START.plusSeconds(60))).as("the next ten, not the first again").hasSize(10);
    assertThat(spread.due(START.plusSeconds(30).plus(EVERY))).hasSize(100);
  }

  @Test
  void aFollowerItDoesNotWatchIsNeitherReadNorRefused() {
    AccountId stranger = AccountId.of("1999999999");
    reads.disconnected(stranger);

    assertThat(reads.now(stranger)).isEmpty();
    assertThat(followers(reads.due(START))).containsExactly(alice, bob);
  }

  @Test
  void everyMustBePositive() {
    assertThatThrownBy(() -> new FollowerBookReads(List.of(alice), Duration.ZERO, START))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
  }

  private void connectBoth() {
    reads.connected(alice);
    reads.connected(bob);
  }

  private static List<AccountId> followers(List<Read> due) {
    return due.stream().map(Read::follower).toList();
  }
}
