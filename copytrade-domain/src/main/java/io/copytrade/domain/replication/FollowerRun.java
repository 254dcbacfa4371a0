package io.copytrade.domain.replication;

import static io.copytrade.domain.replication.FollowerEvent.LIVE;
import static io.copytrade.domain.replication.FollowerEvent.beyond;
import static io.copytrade.domain.replication.FollowerEvent.firstOf;
import static io.copytrade.domain.replication.FollowerEvent.step;

import io.copytrade.ports.instrument.InstrumentCatalogue;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.store.CopyMapping;
import io.copytrade.ports.store.CopyStore;
import io.copytrade.ports.store.LedgerOrder;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One follower's part of one leader event. The first live event of a leader order is a
 * {@link FirstPlacement}; later events bring the follower's {@link RestingCopies} to what the leader's order
 * now is; an {@link AccountGuard} watches every write for a refusal of the account. One instance per follower
 * per event.
 */
final class FollowerRun {
  /** What every run shares. */
  record Services(CopyStore store, CopyWriter writer, EntryPlanner planner, InstrumentCatalogue instruments,
      PositionLedger ledger) {}

  /**
   * Facts of the event read once for all followers, and which followers' accounts are stopped.
   *
   * @param before the leader orders of the position met before this one (see {@link PositionLedger#before})
   */
  record EventFacts(Supplier<List<LedgerOrder>> before, Supplier<LeaderShape> leaderShape, boolean copyingEnabled,
      Function<AccountId, Optional<String>> stopped) {}

  private final FollowerEvent event;
  private final FirstPlacement first;
  private final RestingCopies resting;
  private final Services services;
  private final Follower follower;
  private final LeaderOrderUpdate update;

  FollowerRun(Services services, Follower follower, LeaderOrderUpdate update, EventFacts facts) {
    this.event = new FollowerEvent(services, follower, update, facts);
    this.first = new FirstPlacement(event);
    this.resting = new RestingCopies(event);
    this.services = services;
    this.follower = follower;
    this.update = update;
  }

  /** @param mine the follower's copies of the leader order before this event, oldest first */
  ReplicationResult run(List<CopyMapping> mine) {
    Optional<String> stopped = event.facts().stopped().apply(event.account());
    if (stopped.isPresent()) {
      first.whileStopped(mine, stopped.get());
    } else if (mine.isEmpty()) {
      first.firstSight();
    } else {
      follow(mine);
    }
    return event.result();
  }

  private void follow(List<CopyMapping> mine) {
    List<CopyMapping> orders = mine.stream().filter(copy -> !step(copy).isModification()).toList();
    Quantity closes = firstOf(orders, Step::isExit).map(CopyMapping::leaderQuantity).orElse(Quantity.ZERO);
    resting.reconcile(orders, Step::isExit, mine,
        (instrument, admitted) -> ExitPlanner.scaled(admitted, update.quantity().min(closes), closes,
            instrument.lotSize()));
    Quantity opens = beyond(update.quantity(), closes);
    if (event.mode() == CopyMode.FILLS) {
      first.fills(closes);
    } else if (firstOf(orders, Step::isEntry).isEmpty()) {
      // No entry was decided: a crash between the exit's intent and the entry's, or a leader order modified
      // beyond flat. Nothing can have been placed for it (every placement is stored first), so decide it now.
      if (LIVE.contains(update.status()) && !opens.isZero()) first.enter(opens);
    } else {
      resting.reconcile(orders, Step::isEntry, mine, (instrument, admitted) -> services.planner().resize(update,
          follower, instrument, opens, admitted, OrderTerms.mirror(update)));
    }
  }
}
