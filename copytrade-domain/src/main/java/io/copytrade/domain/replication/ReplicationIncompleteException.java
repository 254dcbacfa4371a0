package io.copytrade.domain.replication;

import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.store.CopyMapping;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Some followers' copies of a leader order could not be read or recorded in the store, or a broker read
 * they needed failed before anything was recorded (each cause is suppressed here); the other followers were handled and their copies are in {@link #copies()}. A copy whose
 * order was sent but whose outcome was not recorded stays INTENDED in the store and must be resolved by its
 * correlation id.
 */
public final class ReplicationIncompleteException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<CopyMapping> copies;

  ReplicationIncompleteException(OrderId leaderOrder, List<CopyMapping> copies,
      Map<String, RuntimeException> failures) {
    super("copies of leader order " + leaderOrder + " not recorded for "
        + failures.entrySet().stream().map(f -> f.getKey() + " (" + Placement.describe(f.getValue()) + ")")
            .collect(Collectors.joining(", ")));
    this.copies = List.copyOf(copies);
    failures.values().forEach(this::addSuppressed);
  }

  /** The copies that were handled, one per follower that did not fail. */
  public List<CopyMapping> copies() {
    return copies;
  }
}
