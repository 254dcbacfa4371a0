package io.copytrade.ports.instrument;

/** The broker's published list of instruments (Dhan's detailed scrip-master CSV). */
public interface InstrumentMaster {
  /** Fetches the master whole, so that whether it changed is known before anything is read from it. */
  MasterFile download();
}
