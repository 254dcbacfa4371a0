package io.copytrade.domain.replication;

import io.copytrade.ports.instrument.InstrumentCatalogue;
import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.InstrumentKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Instruments the test put there, and nothing else. */
final class FakeCatalogue implements InstrumentCatalogue {
  private final Map<InstrumentKey, Instrument> instruments = new HashMap<>();

  FakeCatalogue with(Instrument instrument) {
    instruments.put(instrument.key(), instrument);
    return this;
  }

  @Override
  public Optional<Instrument> find(InstrumentKey key) {
    return Optional.ofNullable(instruments.get(key));
  }
}
