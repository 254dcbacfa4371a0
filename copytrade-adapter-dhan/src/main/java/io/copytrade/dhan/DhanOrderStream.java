package io.copytrade.dhan;

import io.copytrade.dhan.ws.OrderUpdateSocket;
import io.copytrade.ports.broker.Credentials;
import io.copytrade.ports.broker.LeaderOrderListener;
import io.copytrade.ports.broker.LeaderOrderStream;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The leader's live order events from Dhan's order-update socket. Closing the stream closes every
 * subscription it opened.
 */
public final class DhanOrderStream implements LeaderOrderStream, AutoCloseable {
  /**
   * Dhan documents server pings only for its market-feed socket (every 10 s, closing after 40 s without a
   * pong); client pings at the same pace notice a dead connection here too.
   */
  private static final Duration PING_INTERVAL = Duration.ofSeconds(10);

  private final OkHttpClient client;
  private final OrderUpdateSocket socket;
  private final Set<Subscription> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public DhanOrderStream(URI socket, Backoff backoff) {
    Objects.requireNonNull(socket, "socket");
    Objects.requireNonNull(backoff, "backoff");
    // An open socket holds one of the dispatcher's concurrent calls for its whole life; OkHttp's default of 64
    // would leave every account past the 64th (the leader among them) unconnected, silently.
    Dispatcher sockets = new Dispatcher();
    sockets.setMaxRequests(Integer.MAX_VALUE);
    sockets.setMaxRequestsPerHost(Integer.MAX_VALUE);
    this.client = new OkHttpClient.Builder()
        .dispatcher(sockets)
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(10))
        .writeTimeout(Duration.ofSeconds(10))
        .pingInterval(PING_INTERVAL)
        .build();
    this.socket = new OrderUpdateSocket(client, socket,
        attempt -> backoff.delay(attempt, () -> ThreadLocalRandom.current().nextDouble()));
  }

  @Override
  public Subscription subscribe(Credentials leader, LeaderOrderListener listener) {
    // A closed client cannot connect, and the session would retry for ever.
    if (closed) throw new IllegalStateException("order stream is closed");
    Subscription session = socket.open(Objects.requireNonNull(leader, "leader"),
        Objects.requireNonNull(listener, "listener"));
    Subscription subscription = new Subscription() {
      @Override
      public void close() {
        open.remove(this);
        session.close();
      }
    };
    open.add(subscription);
    return subscription;
  }

  @Override
  public void close() {
    closed = true;
    open.forEach(Subscription::close);
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
