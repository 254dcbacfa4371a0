package io.copytrade.ports.broker;

/** The leader's live order events (Dhan's order-update socket). */
public interface LeaderOrderStream {
  /**
   * Connects, logs in and delivers events until the returned subscription is closed, reconnecting with
   * backoff whenever the connection drops.
   */
  Subscription subscribe(Credentials leader, LeaderOrderListener listener);

  /** A running subscription; closing it stops reconnecting and closes the socket. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
