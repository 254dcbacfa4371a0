package io.copytrade.ports.instrument;

import java.time.Instant;
import java.util.Optional;

/** A catalogue that is refreshed from the instrument master. */
public interface InstrumentStore extends InstrumentCatalogue {
  /**
   * Inserts or replaces every instrument of {@code file}, stamped with {@code at}, and records the load, in one
   * transaction: a failure leaves the catalogue as it was.
   *
   * @return how many instruments were stored
   */
  long load(MasterFile file, Instant at);

  /** Records that the broker served the master last loaded again at {@code at}. */
  void confirmUnchanged(String fingerprint, Instant at);

  Optional<InstrumentLoad> lastLoad();

  long count();
}
