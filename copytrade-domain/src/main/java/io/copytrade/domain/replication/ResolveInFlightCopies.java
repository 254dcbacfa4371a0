package io.copytrade.domain.replication;

import io.copytrade.domain.replication.ResolutionPass.Pending;
import io.copytrade.ports.broker.AccountQueries;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.store.CopyMapping;
import io.copytrade.ports.store.CopyStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Use case: finishes copies a crash or a lost answer left INTENDED (stored, maybe sent) or UNKNOWN (sent, no
 * answer). One {@link #resolve()} is one pass over them; it never waits.
 *
 * <p>Each copy is looked up at its follower's broker by correlation id and, since that lookup cannot see
 * TRANSIT orders, in the follower's order book. Found, it moves to the state the broker's status implies.
 * Not found, it is left pending while it was touched less than {@code window} ago (a TRANSIT order may still
 * show up); past the window the broker never took it, and it is sent again under the same correlation id
 * with the leader order's current terms, unless the leader no longer calls for it (the order cancelled,
 * rejected or expired, the position left, entries switched off, an exit the follower no longer holds), which
 * makes it FAILED with the reason. A modification left in flight is judged by the order it changed. A copy this
 * process saw refused before the broker took it ({@link DeferredCopies}) is not looked for: it is absent.
 *
 * <p>Run it where no replication is in flight (on the engine's event thread, between events): a placement
 * still on the wire when its window ran out would otherwise be sent twice. Followers are resolved one after
 * another; one whose broker or store fails is reported and the others go on.
 */
public final class ResolveInFlightCopies {
  /** Copies whose follower order is not known yet: what a pass resolves. */
  static final Set<CopyState> IN_FLIGHT = EnumSet.of(CopyState.INTENDED, CopyState.UNKNOWN);

  private final CopyStore store;
  private final AccountQueries leader;
  private final Supplier<List<Follower>> followers;
  private final FollowerResolution.Services services;

  /**
   * @param window how long an order may stay invisible to the follower's broker (in TRANSIT) before its
   *     absence is believed; it must also exceed the broker client's write timeout
   */
  public ResolveInFlightCopies(CopyStore store, AccountQueries leader, List<Follower> followers,
      InstantSource clock, Duration window) {
    this(store, leader, () -> followers, clock, window, new DeferredCopies());
  }

  /**
   * Resolves for {@code followers} as they are at each pass: a stopped follower's broker is not asked. A copy
   * {@code deferred} holds (refused before the broker took it, by this process) is sent again without the window.
   */
  public ResolveInFlightCopies(CopyStore store, AccountQueries leader, Supplier<List<Follower>> followers,
      InstantSource clock, Duration window, DeferredCopies deferred) {
    this.store = Objects.requireNonNull(store, "store");
    this.leader = Objects.requireNonNull(leader, "leader");
    this.followers = Objects.requireNonNull(followers, "followers");
    Objects.requireNonNull(clock, "clock");
    if (window.isNegative()) throw new IllegalArgumentException("window < 0: " + window);
    this.services = new FollowerResolution.Services(store, new CopyWriter(store, clock, deferred), deferred, clock,
        window);
  }

  /**
   * One pass over every copy in flight; see the class comment. Passes never overlap: two at once could both
   * find a copy absent and send it twice. Throws only when the store cannot list the copies.
   */
  public synchronized ResolutionPass resolve() {
    Map<AccountId, List<CopyMapping>> inFlight = store.inStates(IN_FLIGHT).stream()
        .collect(Collectors.groupingBy(CopyMapping::follower, LinkedHashMap::new, Collectors.toList()));
    FollowerResolution.LeaderFacts facts = leaderFacts();
    Map<AccountId, Follower> asked = followers.get().stream()
        .collect(Collectors.toMap(f -> f.settings().account(), f -> f));
    ResolutionPass pass = ResolutionPass.NOTHING;
    for (Map.Entry<AccountId, List<CopyMapping>> mine : inFlight.entrySet()) {
      Follower follower = asked.get(mine.getKey());
      pass = pass.plus(follower == null ? unknown(mine.getKey(), mine.getValue())
          : new FollowerResolution(services, follower, facts).resolve(mine.getValue()));
    }
    return pass;
  }

  /** Read lazily, each at most once per pass; a failed read is not kept, so the next copy asks again. */
  private FollowerResolution.LeaderFacts leaderFacts() {
    Once<List<BrokerOrder>> book = new Once<>(leader::orderBook);
    Map<OrderId, Optional<BrokerOrder>> orders = new HashMap<>();
    Function<OrderId, Optional<BrokerOrder>> order = id -> orders.computeIfAbsent(id, known -> leader.order(known)
        .or(() -> book.get().stream().filter(o -> o.orderId().equals(known)).findFirst()));
    return new FollowerResolution.LeaderFacts(order, new Once<>(leader::positions),
        new Once<>(() -> ReplicateLeaderOrder.copyingEnabled(store)));
  }

  private static ResolutionPass unknown(AccountId follower, List<CopyMapping> copies) {
    List<Pending> pending = copies.stream().map(copy -> new Pending(copy, "follower " + follower
        + " has no broker account in this run; resolve it by hand")).toList();
    return new ResolutionPass(List.of(), List.of(), pending, List.of());
  }
}
