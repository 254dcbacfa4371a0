package io.copytrade.bench;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.OrderId;
import io.copytrade.testkit.WireListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * What the fake's wire shows of copying: when each leader order's first frame left, when each follower's
 * order placements arrived (in order), and how many REST calls of each kind came. Thread-safe.
 */
final class CopyTimes implements WireListener {
  private static final String PLACE = "/v2/orders";
  /** Order ids and correlation ids in a path, so calls are counted by route. */
  private static final Pattern ID = Pattern.compile("/(\\d+|ct-[a-z0-9]+)(?=/|$)");

  private final AccountId leader;
  private final Set<AccountId> followers;
  private final Map<OrderId, Long> firstFrames = new ConcurrentHashMap<>();
  private final Map<AccountId, List<Long>> placements = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

  CopyTimes(AccountId leader, List<AccountId> followers) {
    this.leader = leader;
    this.followers = Set.copyOf(followers);
    followers.forEach(f -> placements.put(f, new ArrayList<>()));
  }

  @Override
  public void frameSent(AccountId account, OrderId order, long nanos) {
    if (account.equals(leader)) firstFrames.putIfAbsent(order, nanos);
  }

  @Override
  public void requestReceived(String method, String path, Optional<AccountId> account, long nanos) {
    String caller = account.map(a -> a.equals(leader) ? "leader" : "follower").orElse("anonymous");
    calls.computeIfAbsent(caller + " " + method + " " + ID.matcher(path).replaceAll("/{id}"), k -> new LongAdder())
        .increment();
    if (method.equals("POST") && path.equals(PLACE) && account.filter(followers::contains).isPresent()) {
      List<Long> arrivals = placements.get(account.get());
      synchronized (arrivals) {
        arrivals.add(nanos);
      }
    }
  }

  /** When the leader order's first frame was written; empty if none was. */
  Optional<Long> firstFrame(OrderId order) {
    return Optional.ofNullable(firstFrames.get(order));
  }

  /** When the follower's order placements arrived, oldest first. */
  List<Long> placements(AccountId follower) {
    List<Long> arrivals = placements.get(follower);
    synchronized (arrivals) {
      return List.copyOf(arrivals);
    }
  }

  int placementCount(AccountId follower) {
    List<Long> arrivals = placements.get(follower);
    synchronized (arrivals) {
      return arrivals.size();
    }
  }

  /** Whether every follower's placements have reached {@code count}. */
  boolean everyFollowerPlaced(int count) {
    return followers.stream().allMatch(f -> placementCount(f) >= count);
  }

  /** REST calls so far by caller and route, e.g. "follower GET /v2/orders/{id}=3", and forgets them. */
  String takeCalls() {
    Map<String, Long> sorted = new TreeMap<>();
    calls.forEach((route, n) -> sorted.put(route, n.sum()));
    calls.clear();
    return sorted.toString();
  }
}
