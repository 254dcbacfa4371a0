package io.copytrade.domain.replication;

import io.copytrade.ports.model.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whose order book the follower tracking pass reads. A follower's own socket reports its copies as they move, so
 * its whole-day book is read only when the socket may have missed something: it was down at some moment since the
 * last read (or is down now), one of its frames could not be read or applied, or {@code every} has passed since
 * the last read. Dhan does not say whether a live socket can lose a frame (UNCONFIRMED): {@code every} bounds how
 * long such a loss goes unseen. The first periodic reads are spread over {@code every}, so a hundred followers'
 * books are not read in one burst. Thread-safe: sockets report from their threads, the pass asks from its own; the
 * caller passes the time in.
 */
public final class FollowerBookReads {
  private final Duration every;
  private final Map<AccountId, Watch> watches = new LinkedHashMap<>();

  /** Every follower starts as not connected, so the first pass reads each. */
  public FollowerBookReads(List<AccountId> followers, Duration every, Instant start) {
    if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("book reads every " + every);
    this.every = every;
    for (int i = 0; i < followers.size(); i++) {
      watches.put(followers.get(i), new Watch(start.plus(every.multipliedBy(i + 1).dividedBy(followers.size()))));
    }
  }

  /**
   * One read about to start, and what it covers once it succeeds.
   *
   * @param periodic whether {@code every} had passed: only such a read sets the time of the next, so reads
   *     after gaps (every follower's at start-up among them) do not gather the spread reads into one burst
   */
  public record Read(AccountId follower, long gapsCovered, boolean periodic) {}

  /** The follower's socket is connected: what it says from now on reaches the engine. */
  public synchronized void connected(AccountId follower) {
    watch(follower).ifPresent(w -> w.live = true);
  }

  /** The follower's socket went down: frames may be lost until it connects again and its book is read. */
  public synchronized void disconnected(AccountId follower) {
    watch(follower).ifPresent(w -> {
      w.live = false;
      w.gaps++;
    });
  }

  /** A frame of the follower's could not be read or applied: what it said is known only from the book. */
  public synchronized void missed(AccountId follower) {
    watch(follower).ifPresent(w -> w.gaps++);
  }

  /** The reads due at {@code now}. */
  public synchronized List<Read> due(Instant now) {
    List<Read> due = new ArrayList<>();
    watches.forEach((follower, w) -> {
      boolean periodic = !now.isBefore(w.next);
      if (!w.live || w.gaps != w.covered || periodic) due.add(new Read(follower, w.gaps, periodic));
    });
    return due;
  }

  /** A read of one follower's book whatever is due, as after its socket connected. */
  public synchronized Optional<Read> now(AccountId follower) {
    return watch(follower).map(w -> new Read(follower, w.gaps, false));
  }

  /** The read's book was read at {@code at}: what went missing before it started is covered. */
  public synchronized void done(Read read, Instant at) {
    watch(read.follower()).ifPresent(w -> {
      w.covered = Math.max(w.covered, read.gapsCovered());
      if (read.periodic()) w.next = at.plus(every);
    });
  }

  private Optional<Watch> watch(AccountId follower) {
    return Optional.ofNullable(watches.get(follower));
  }

  private static final class Watch {
    boolean live;
    /** Moments frames may have been lost; {@code covered} of them were before a book read that succeeded. */
    long gaps;
    long covered;
    Instant next;

    Watch(Instant next) {
      this.next = next;
    }
  }
}
