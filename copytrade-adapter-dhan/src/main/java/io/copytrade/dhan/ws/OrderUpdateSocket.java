package io.copytrade.dhan.ws;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.copytrade.dhan.wire.DecimalAdapter;
import io.copytrade.dhan.wire.RecordAdapterFactory;
import io.copytrade.ports.broker.Credentials;
import io.copytrade.ports.broker.LeaderOrderListener;
import io.copytrade.ports.broker.LeaderOrderStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.function.IntFunction;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** Opens subscriptions to Dhan's order-update socket over a caller-owned OkHttp client. */
public final class OrderUpdateSocket {
  private final OkHttpClient client;
  private final Request request;
  private final IntFunction<Duration> reconnectDelay;
  private final JsonAdapter<LoginJson> login;
  private final JsonAdapter<OrderAlertJson> alerts;

  /**
   * @param uri the socket, e.g. {@code wss://api-order-update.dhan.co}; no credentials go in the URL
   * @param reconnectDelay the wait before reconnection attempt {@code n} (0 after a healthy connection)
   */
  public OrderUpdateSocket(OkHttpClient client, URI uri, IntFunction<Duration> reconnectDelay) {
    Moshi moshi = new Moshi.Builder()
        .add(BigDecimal.class, new DecimalAdapter())
        .add(new RecordAdapterFactory())
        .build();
    this.client = client;
    this.request = new Request.Builder().url(uri.toString()).build();
    this.reconnectDelay = reconnectDelay;
    this.login = moshi.adapter(LoginJson.class);
    this.alerts = moshi.adapter(OrderAlertJson.class);
  }

  /** Connects at once and keeps reconnecting until the subscription is closed. */
  public LeaderOrderStream.Subscription open(Credentials leader, LeaderOrderListener listener) {
    Session session = new Session(client, request, leader, listener, reconnectDelay, login,
        new FrameReader(alerts, leader.account()));
    session.start();
    return session;
  }
}
