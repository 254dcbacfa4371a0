package io.copytrade.domain.replication;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.store.CopyMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What handling one leader event did, over all followers.
 *
 * @param copies every copy of the leader order, per follower in the followers' order, oldest first
 * @param retryLater writes that could not be made now and must not be lost (a cancel refused while the
 *     follower order is in TRANSIT, or a copy whose outcome is not known yet): handle {@code update} again
 *     after a short wait
 * @param pause followers that reached a limit (the daily loss) and should take no more entries until
 *     someone looks
 * @param failures followers for which something failed outside any recorded copy (the store, a broker read
 *     before an exit): nothing was recorded for the part that failed, so handling the event again retries it
 */
public record ReplicationResult(List<CopyMapping> copies, List<RetryLater> retryLater, List<PauseSignal> pause,
    List<FollowerFailure> failures) {
  public ReplicationResult {
    copies = List.copyOf(copies);
    retryLater = List.copyOf(retryLater);
    pause = List.copyOf(pause);
    failures = List.copyOf(failures);
  }

  static ReplicationResult of(List<CopyMapping> copies) {
    return new ReplicationResult(copies, List.of(), List.of(), List.of());
  }

  static ReplicationResult failed(AccountId follower, RuntimeException error) {
    return new ReplicationResult(List.of(), List.of(), List.of(), List.of(new FollowerFailure(follower, error)));
  }

  ReplicationResult plus(ReplicationResult other) {
    return new ReplicationResult(joined(copies, other.copies), joined(retryLater, other.retryLater),
        joined(pause, other.pause), joined(failures, other.failures));
  }

  static <T> List<T> joined(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** A write to try again by handling {@code update} again; {@code reason} is what stood in the way. */
  public record RetryLater(CopyMapping copy, LeaderOrderUpdate update, String reason) {
    public RetryLater {
      Objects.requireNonNull(copy, "copy");
      Objects.requireNonNull(update, "update");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The follower should be paused (its enabled flag set to false) because of {@code reason}. */
  public record PauseSignal(AccountId follower, String reason) {
    public PauseSignal {
      Objects.requireNonNull(follower, "follower");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Replicating to {@code follower} failed with {@code error}. */
  public record FollowerFailure(AccountId follower, RuntimeException error) {
    public FollowerFailure {
      Objects.requireNonNull(follower, "follower");
      Objects.requireNonNull(error, "error");
    }
  }
}
