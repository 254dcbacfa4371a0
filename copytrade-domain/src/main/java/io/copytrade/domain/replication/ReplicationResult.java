package io.copytrade.domain.replication;

import io.copytrade.ports.broker.AuthenticationException;
import io.copytrade.ports.broker.BrokerException;
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
 * @param refused followers whose broker refused the account itself, not one order (at most one per follower
 *     and kind): a refused token is to stop the account, an account refusal to be alerted on
 */
public record ReplicationResult(List<CopyMapping> copies, List<RetryLater> retryLater, List<PauseSignal> pause,
    List<FollowerFailure> failures, List<AccountRefusal> refused) {
  public ReplicationResult {
    copies = List.copyOf(copies);
    retryLater = List.copyOf(retryLater);
    pause = List.copyOf(pause);
    failures = List.copyOf(failures);
    refused = List.copyOf(refused);
  }

  /** A result in which no account was refused. */
  public ReplicationResult(List<CopyMapping> copies, List<RetryLater> retryLater, List<PauseSignal> pause,
      List<FollowerFailure> failures) {
    this(copies, retryLater, pause, failures, List.of());
  }

  static ReplicationResult of(List<CopyMapping> copies) {
    return new ReplicationResult(copies, List.of(), List.of(), List.of());
  }

  /** Something failed for the follower outside a recorded copy; a refused token says to stop the account too. */
  static ReplicationResult failed(AccountId follower, RuntimeException error) {
    List<AccountRefusal> refused = error instanceof AuthenticationException refusedToken
        ? List.of(AccountRefusal.of(follower, AccountRefusal.Kind.TOKEN, refusedToken))
        : List.of();
    return new ReplicationResult(List.of(), List.of(), List.of(), List.of(new FollowerFailure(follower, error)),
        refused);
  }

  /** Whether nothing is left to the caller: no write to retry, no pause, no failure, no refusal. */
  boolean leftNothing() {
    return retryLater.isEmpty() && pause.isEmpty() && failures.isEmpty() && refused.isEmpty();
  }

  ReplicationResult plus(ReplicationResult other) {
    return new ReplicationResult(joined(copies, other.copies), joined(retryLater, other.retryLater),
        joined(pause, other.pause), joined(failures, other.failures), joined(refused, other.refused));
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

  /**
   * The follower's broker refused the account itself, not one order; {@code reason} is what it said (never a
   * token).
   */
  public record AccountRefusal(AccountId follower, Kind kind, String reason) {
    /** What was refused, and so what the caller should do. */
    public enum Kind {
      /**
       * The token is invalid or expired (401, DH-901, DH-906 "Invalid Token"): stop sending anything for the
       * follower until its token changes, and alert. Every call with it would be refused.
       */
      TOKEN,
      /**
       * The account may not trade as it is (DH-902 no trading access, DH-903 an account problem, DH-905
       * "Invalid IP", DH-911): the copy failed with the reason; alert, since its next orders will most likely
       * be refused too, until its owner fixes it at the broker.
       */
      ACCESS
    }

    public AccountRefusal {
      Objects.requireNonNull(follower, "follower");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(reason, "reason");
    }

    static AccountRefusal of(AccountId follower, Kind kind, BrokerException refusal) {
      return new AccountRefusal(follower, kind, Placement.describe(refusal));
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
