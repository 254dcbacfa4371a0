package io.copytrade.dhan;

import io.copytrade.dhan.rest.DhanRest;
import io.copytrade.ports.broker.Broker;
import io.copytrade.ports.broker.BrokerAccount;
import io.copytrade.ports.broker.Credentials;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Dhan over REST: one HTTP client shared by every account. Accounts are cheap views that ask their
 * credentials for the current token on every call.
 */
public final class DhanBroker implements Broker, AutoCloseable {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);
  /**
   * Every follower's copy of one leader order goes out at once, each on its own connection to the one host;
   * OkHttp's default pool keeps 5 idle and would close the rest, so the next order would open (and TLS
   * handshake) them again. Idle connections cost a socket each and are made only as calls need them.
   */
  private static final int IDLE_CONNECTIONS = 512;
  private static final Duration KEEP_ALIVE = Duration.ofMinutes(5);

  private final OkHttpClient client;
  private final DhanRest rest;

  /** Connect 5 s, read 10 s, write 10 s; no limit on the whole call. */
  public DhanBroker(DhanEndpoints endpoints) {
    this(endpoints, Duration.ZERO);
  }

  /** As above, and every call ends within {@code callTimeout} (zero: no limit). */
  public DhanBroker(DhanEndpoints endpoints, Duration callTimeout) {
    Objects.requireNonNull(endpoints, "endpoints");
    this.client = new OkHttpClient.Builder()
        .connectTimeout(capped(CONNECT_TIMEOUT, callTimeout))
        .readTimeout(capped(READ_TIMEOUT, callTimeout))
        .writeTimeout(capped(WRITE_TIMEOUT, callTimeout))
        .callTimeout(callTimeout)
        .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
        // OkHttp would otherwise resend a POST whose connection failed after sending: a second order.
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .build();
    this.rest = new DhanRest(endpoints.restBase(), client);
  }

  @Override
  public BrokerAccount account(Credentials credentials) {
    return rest.account(Objects.requireNonNull(credentials, "credentials"));
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private static Duration capped(Duration timeout, Duration callTimeout) {
    return callTimeout.isZero() || timeout.compareTo(callTimeout) < 0 ? timeout : callTimeout;
  }
}
