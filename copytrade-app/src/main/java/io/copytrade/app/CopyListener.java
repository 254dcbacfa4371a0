package io.copytrade.app;

import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.store.CopyMapping;
import java.util.List;

/** Told of the copies each leader event produced (for the demo table, metrics, embedding callers). */
@FunctionalInterface
public interface CopyListener {
  void onCopies(LeaderOrderUpdate update, List<CopyMapping> copies);
}
