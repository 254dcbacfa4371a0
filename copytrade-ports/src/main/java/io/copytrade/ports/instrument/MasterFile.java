package io.copytrade.ports.instrument;

import io.copytrade.ports.model.Instrument;
import java.util.function.Consumer;

/** One download of the instrument master, kept until closed. */
public interface MasterFile extends AutoCloseable {
  /** Names the file's exact content: two downloads with the same fingerprint list the same instruments. */
  String fingerprint();

  /**
   * Hands each instrument to {@code sink} in file order, without holding the file in memory. Rows that are
   * not tradable instruments (indices, malformed rows) are skipped.
   *
   * @return how many instruments were handed over
   */
  long readAll(Consumer<Instrument> sink);

  /** Deletes what the download kept. */
  @Override
  void close();
}
