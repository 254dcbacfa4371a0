package io.copytrade.app;

import io.copytrade.ports.instrument.InstrumentMaster;
import io.copytrade.ports.instrument.InstrumentStore;
import io.copytrade.ports.model.Instrument;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** Streams the broker's instrument master into the store in batches, so the file is never held whole. */
final class InstrumentRefresh {
  private static final int BATCH = 2_000;

  private final InstrumentMaster master;
  private final InstrumentStore store;
  private final InstantSource clock;

  InstrumentRefresh(InstrumentMaster master, InstrumentStore store, InstantSource clock) {
    this.master = master;
    this.store = store;
    this.clock = clock;
  }

  /** Returns how many instruments were stored. */
  long run() {
    List<Instrument> batch = new ArrayList<>(BATCH);
    long count = master.readAll(instrument -> {
      batch.add(instrument);
      if (batch.size() == BATCH) flush(batch);
    });
    flush(batch);
    return count;
  }

  private void flush(List<Instrument> batch) {
    if (batch.isEmpty()) return;
    store.upsert(batch, clock.instant());
    batch.clear();
  }
}
