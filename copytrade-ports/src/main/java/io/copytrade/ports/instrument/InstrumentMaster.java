package io.copytrade.ports.instrument;

import io.copytrade.ports.model.Instrument;
import java.util.function.Consumer;

/** The broker's published list of instruments (Dhan's detailed scrip-master CSV), read as a stream. */
public interface InstrumentMaster {
  /**
   * Reads the whole master and hands each instrument to {@code sink}, without holding the file in memory.
   * Rows that are not tradable instruments (indices, malformed rows) are skipped.
   *
   * @return how many instruments were handed over
   */
  long readAll(Consumer<Instrument> sink);
}
