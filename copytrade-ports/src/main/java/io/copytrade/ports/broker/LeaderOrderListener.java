package io.copytrade.ports.broker;

import io.copytrade.ports.model.LeaderOrderUpdate;

/**
 * Receives the leader's order events and, separately, the connection's events. Called from the stream's
 * own thread, one call at a time.
 */
public interface LeaderOrderListener {
  void onOrderUpdate(LeaderOrderUpdate update);

  /** The socket is open and the login frame was sent; events sent while disconnected need a catch-up. */
  default void onConnected() {}

  /** The socket closed or failed; the stream will reconnect after a backoff unless closed. */
  default void onDisconnected(String reason) {}

  /** A frame could not be read; it was skipped. {@code problem} says what was wrong, without secrets. */
  default void onMalformedFrame(String problem) {}
}
