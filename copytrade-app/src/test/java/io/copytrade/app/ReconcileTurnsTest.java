package io.copytrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.copytrade.ports.model.AccountId;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every follower is reconciled once per period, ten slices at most, each turn a slice. */
class ReconcileTurnsTest {
  private static final Duration EVERY = Duration.ofSeconds(30);

  @Test
  void aHundredFollowersAreReconciledTenAtATimeEveryThreeSecondsEachOnceInThirty() {
    ReconcileTurns turns = new ReconcileTurns(accounts(100));

    assertThat(turns.period(EVERY)).isEqualTo(Duration.ofSeconds(3));
    Set<AccountId> seen = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      Set<AccountId> turn = turns.next();
      assertThat(turn).hasSize(10);
      assertThat(seen).doesNotContainAnyElementsOf(turn);
      seen.addAll(turn);
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(accounts(100));
    assertThat(turns.next()).as("the first slice again").hasSize(10).isSubsetOf(accounts(100));
  }

  @Test
  void fewerFollowersThanSlicesTakeOneTurnEach() {
    ReconcileTurns one = new ReconcileTurns(accounts(1));
    assertThat(one.period(EVERY)).isEqualTo(EVERY);
    assertThat(one.next()).containsExactlyElementsOf(accounts(1));
    assertThat(one.next()).containsExactlyElementsOf(accounts(1));

    ReconcileTurns three = new ReconcileTurns(accounts(3));
    assertThat(three.period(EVERY)).isEqualTo(Duration.ofSeconds(10));
    assertThat(List.of(three.next(), three.next(), three.next(), three.next())).extracting(Set::size)
        .containsExactly(1, 1, 1, 1);
  }

  @Test
  void slicesOfUnevenSizeStillCoverEveryFollower() {
    ReconcileTurns turns = new ReconcileTurns(accounts(25));
    Set<AccountId> seen = new HashSet<>();
    for (int i = 0; i < 10; i++) seen.addAll(turns.next());
    assertThat(seen).containsExactlyInAnyOrderElementsOf(accounts(25));
  }

  private static List<AccountId> accounts(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> AccountId.of(String.valueOf(2000000000L + i))).toList();
  }
}
