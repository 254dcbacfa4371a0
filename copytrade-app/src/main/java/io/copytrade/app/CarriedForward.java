package io.copytrade.app;

import io.copytrade.domain.replication.Follower;
import io.copytrade.domain.replication.PositionLedger;
import io.copytrade.ports.broker.AccountQueries;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.store.CopyStore;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores, once a day per account, what each account carried into the day from earlier days: the one part
 * of a position the day's fills do not give (see {@link PositionLedger}). Read at a catch-up, before its
 * events are handled, so never on the way from a leader frame to a copy.
 */
final class CarriedForward {
  private static final Logger log = LoggerFactory.getLogger(CarriedForward.class);

  private final CopyStore store;
  private final AccountQueries leader;
  private final AccountId leaderId;
  private final Supplier<List<Follower>> followers;
  private final InstantSource clock;

  CarriedForward(CopyStore store, AccountQueries leader, AccountId leaderId, Supplier<List<Follower>> followers,
      InstantSource clock) {
    this.store = store;
    this.leader = leader;
    this.leaderId = leaderId;
    this.followers = followers;
    this.clock = clock;
  }

  /**
   * Reads and stores today's figures of every account that has none yet. The leader's must be had: a failure
   * to read them is thrown, and the catch-up tries again at its next read. A follower's failure is logged;
   * until its figures are read, nothing it carried counts as the engine's.
   */
  void recordToday() {
    LocalDate today = clock.instant().atZone(PositionLedger.IST).toLocalDate();
    record(leaderId, leader, today);
    for (Follower follower : followers.get()) {
      try {
        record(follower.settings().account(), follower.broker(), today);
      } catch (RuntimeException e) {
        log.atWarn().addKeyValue("follower", follower.settings().account()).addKeyValue("problem", e.getMessage())
            .log("carried_forward_read_failed");
      }
    }
  }

  private void record(AccountId account, AccountQueries broker, LocalDate today) {
    if (store.carriedForwardRecorded(account, today)) return;
    if (store.recordCarriedForward(account, today, broker.positions(), clock.instant())) {
      log.atInfo().addKeyValue("account", account).addKeyValue("day", today).log("carried_forward_recorded");
    }
  }
}
