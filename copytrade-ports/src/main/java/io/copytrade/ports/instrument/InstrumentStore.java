package io.copytrade.ports.instrument;

import io.copytrade.ports.model.Instrument;
import java.time.Instant;
import java.util.Collection;

/** A catalogue that can be refreshed from the instrument master. */
public interface InstrumentStore extends InstrumentCatalogue {
  /** Inserts or replaces these instruments, stamped with {@code at}. */
  void upsert(Collection<Instrument> instruments, Instant at);

  long count();
}
