package io.copytrade.dhan;

import io.copytrade.dhan.rest.DhanRest;
import io.copytrade.ports.broker.Broker;
import io.copytrade.ports.broker.BrokerAccount;
import io.copytrade.ports.broker.Credentials;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Dhan over REST: one HTTP client shared by every account. Accounts are cheap views that ask their
 * credentials for the current token on every call.
 */
public final class DhanBroker implements Broker, AutoCloseable {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

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
