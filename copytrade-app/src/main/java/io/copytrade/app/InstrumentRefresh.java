package io.copytrade.app;

import io.copytrade.ports.instrument.InstrumentLoad;
import io.copytrade.ports.instrument.InstrumentMaster;
import io.copytrade.ports.instrument.InstrumentStore;
import io.copytrade.ports.instrument.MasterFile;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store's catalogue to the broker's instrument master, published daily before the market opens:
 * downloaded once per publication, and written (in one transaction) only when its content changed.
 */
final class InstrumentRefresh {
  /** Dhan publishes the day's master before this time (IST); the engine refreshes it then. */
  static final DailyAt PUBLISHED = new DailyAt(LocalTime.of(8, 0), DailyAt.IST);
  private static final Logger log = LoggerFactory.getLogger(InstrumentRefresh.class);

  private final InstrumentMaster master;
  private final InstrumentStore store;
  private final InstantSource clock;

  InstrumentRefresh(InstrumentMaster master, InstrumentStore store, InstantSource clock) {
    this.master = master;
    this.store = store;
    this.clock = clock;
  }

  /** At start-up: a master already checked since the last publication is used as stored, saving the download. */
  void ifStale() {
    Instant published = PUBLISHED.lastAtOrBefore(clock.instant());
    var last = store.lastLoad().filter(load -> !load.checkedAt().isBefore(published));
    if (last.isPresent()) {
      log.atInfo().addKeyValue("instruments", last.get().instruments())
          .addKeyValue("checked_at", last.get().checkedAt()).log("instrument_master_current");
      return;
    }
    run();
  }

  /** Downloads the master; stores it unless it is the one stored. */
  void run() {
    Instant start = clock.instant();
    try (MasterFile file = master.download()) {
      boolean same = store.lastLoad().map(InstrumentLoad::fingerprint).filter(file.fingerprint()::equals)
          .isPresent();
      if (same) {
        store.confirmUnchanged(file.fingerprint(), clock.instant());
        log.atInfo().addKeyValue("millis", Duration.between(start, clock.instant()).toMillis())
            .log("instrument_master_unchanged");
        return;
      }
      long stored = store.load(file, clock.instant());
      log.atInfo().addKeyValue("instruments", stored)
          .addKeyValue("millis", Duration.between(start, clock.instant()).toMillis()).log("instrument_master_loaded");
    }
  }
}
