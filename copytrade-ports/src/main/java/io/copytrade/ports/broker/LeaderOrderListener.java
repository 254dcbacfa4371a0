package io.copytrade.ports.broker;

import io.copytrade.ports.model.LeaderOrderUpdate;

/**
 * Receives the leader's order events and, separately, the connection's events. Called one at a time, in
 * order, from the stream's threads (a frame from the socket's reader): keep each call short, as a slow one
 * holds back the socket's reading.
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
