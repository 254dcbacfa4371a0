package io.copytrade.ports.instrument;

import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.InstrumentKey;
import java.util.Optional;

/** Looks instruments up by their key. Thread-safe. */
public interface InstrumentCatalogue {
  Optional<Instrument> find(InstrumentKey key);
}
