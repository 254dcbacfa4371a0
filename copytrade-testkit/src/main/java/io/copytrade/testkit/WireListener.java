package io.copytrade.testkit;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.OrderId;
import java.util.Optional;

/**
 * Hears what crosses the fake's wire, stamped with {@link System#nanoTime()} in the fake's JVM, so a benchmark
 * in the same JVM can time a client against it without reflection. Called on the fake's I/O threads: keep it
 * quick and thread-safe; an exception it throws is logged and ignored.
 */
public interface WireListener {
  /** Hears nothing; the fake's default. */
  WireListener NONE = new WireListener() {};

  /**
   * An order-update frame about {@code order} was written to one logged-in socket of {@code account} (once per
   * socket that heard it), just after the write returned.
   */
  default void frameSent(AccountId account, OrderId order, long nanos) {}

  /**
   * An HTTP request was read in full, before any {@link FakeSettings#restLatency(java.time.Duration)} or
   * fault holds it. {@code path} is decoded, without the query, e.g. {@code /v2/orders}; {@code account} is
   * the account whose token the request carries, empty when it carries none the fake knows.
   */
  default void requestReceived(String method, String path, Optional<AccountId> account, long nanos) {}
}
