package io.copytrade.domain.replication;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.store.CopyStore;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The followers and where each stands, read on every event: enabled as configured, paused for the rest of the
 * day (IST; its loss limit was hit: no new entries, exits still flow), or stopped (its token was refused:
 * nothing is sent to or read from its broker until it resumes). The one owner of that state: use cases read
 * it as they go, so nothing is rebuilt when a follower is paused, stopped or resumed. Pauses are kept in the
 * store, so they outlive a restart; a stop lasts while the process does, since a restart checks every token
 * anew. Thread-safe.
 */
public final class FollowerRoster {
  private final List<Follower> configured;
  private final CopyStore store;
  private final InstantSource clock;
  private final Map<AccountId, LocalDate> pausedOn = new ConcurrentHashMap<>();
  private final Map<AccountId, String> stopped = new ConcurrentHashMap<>();

  public FollowerRoster(List<Follower> followers, CopyStore store, InstantSource clock) {
    this.configured = List.copyOf(followers);
    this.store = store;
    this.clock = clock;
    for (Follower follower : configured) {
      AccountId id = follower.settings().account();
      store.config(pauseKey(id)).map(LocalDate::parse).ifPresent(day -> pausedOn.put(id, day));
    }
  }

  /** Every follower as it stands now, stopped ones included; one paused today takes no new entries. */
  public List<Follower> all() {
    LocalDate today = today();
    return configured.stream().map(follower -> today.equals(pausedOn.get(follower.settings().account()))
        ? new Follower(follower.settings().withEnabled(false), follower.broker()) : follower).toList();
  }

  /** The followers whose broker may be used now: all but the stopped. */
  public List<Follower> active() {
    return all().stream().filter(follower -> !stopped.containsKey(follower.settings().account())).toList();
  }

  /** Why the follower's account is stopped, or empty while it may be used. */
  public Optional<String> stopped(AccountId follower) {
    return Optional.ofNullable(stopped.get(follower));
  }

  /** @return false when it was stopped already */
  public boolean stop(AccountId follower, String why) {
    return stopped.putIfAbsent(follower, why) == null;
  }

  /** @return false when it was not stopped */
  public boolean resume(AccountId follower) {
    return stopped.remove(follower) != null;
  }

  /** No new entries for the follower until the day (IST) ends; exits still flow. */
  public void pauseForToday(AccountId follower) {
    LocalDate today = today();
    store.setConfig(pauseKey(follower), today.toString(), clock.instant());
    pausedOn.put(follower, today);
  }

  private LocalDate today() {
    return clock.instant().atZone(PositionLedger.IST).toLocalDate();
  }

  private static String pauseKey(AccountId follower) {
    return "follower." + follower + ".paused_on";
  }
}
