package io.copytrade.domain.replication;

import io.copytrade.ports.model.CorrelationId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Copies this process sent and saw refused before the broker took them: throttled (the client's own rate
 * limit, or Dhan's DH-904 after the client's retries), the broker unreachable, or the circuit open. Nothing of
 * them is at the broker, so the in-flight resolution sends them again at its next pass instead of waiting out
 * the window an order in TRANSIT needs. In memory only: after a restart nobody can say an intent was not
 * sent, and the window applies. Shared by whoever sends copies and whoever resolves them in one engine.
 */
public final class DeferredCopies {
  private final Set<CorrelationId> refusedUnsent = ConcurrentHashMap.newKeySet();

  /** The latest send of this copy was refused before the broker took it. */
  void refused(CorrelationId copy) {
    refusedUnsent.add(copy);
  }

  /**
   * Whether the latest send of this copy was refused before the broker took it; forgets it, so it holds again
   * only if the next send is refused too.
   */
  boolean takeRefused(CorrelationId copy) {
    return refusedUnsent.remove(copy);
  }

  /** The copy was sent (whatever came of it): whether it is at the broker is for its answer to say. */
  void sent(CorrelationId copy) {
    refusedUnsent.remove(copy);
  }
}
