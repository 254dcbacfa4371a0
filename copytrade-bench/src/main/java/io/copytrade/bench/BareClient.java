package io.copytrade.bench;

import io.copytrade.testkit.FakeAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The floor: a copier that does nothing but copy. A bare OkHttp WebSocket client of the leader's order-update
 * socket that, for each new order's first frame, POSTs one order for the follower with a bare OkHttp call
 * (off the socket's reader thread, as the engine does) — no parsing, no database, no sizing.
 */
final class BareClient extends WebSocketListener implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String NEW_ORDER = "\"Status\":\"TRANSIT\"";

  private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false)
      .callTimeout(Duration.ofSeconds(30)).build();
  private final ExecutorService poster = Executors.newSingleThreadExecutor();
  private final Request post;
  private final WebSocket socket;
  private final List<Long> framesRead = new ArrayList<>();
  private final List<long[]> posts = new ArrayList<>();

  BareClient(Desk desk, FakeAccount follower) {
    String body = "{\"dhanClientId\":\"" + follower.id() + "\",\"transactionType\":\"BUY\","
        + "\"exchangeSegment\":\"NSE_FNO\",\"productType\":\"MARGIN\",\"orderType\":\"LIMIT\",\"validity\":\"DAY\","
        + "\"securityId\":\"35191\",\"quantity\":65,\"price\":100.0}";
    post = new Request.Builder().url(desk.dhan.restBase().resolve("orders").toString())
        .header("access-token", follower.token()).header("client-id", follower.id().value())
        .post(RequestBody.create(body, JSON)).build();
    socket = http.newWebSocket(new Request.Builder().url(desk.dhan.orderUpdateSocket().toString()).build(), this);
    socket.send("{\"LoginReq\":{\"MsgCode\":42,\"ClientId\":\"" + desk.leader.id() + "\",\"Token\":\""
        + desk.leader.token() + "\"},\"UserType\":\"SELF\"}");
    desk.leader.awaitOrderSocket(Duration.ofSeconds(10));
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    long read = System.nanoTime();
    if (!text.contains(NEW_ORDER)) return;
    synchronized (this) {
      framesRead.add(read);
    }
    poster.execute(this::post);
  }

  private void post() {
    long start = System.nanoTime();
    try (Response response = http.newCall(post).execute()) {
      response.body().string();
      long end = System.nanoTime();
      synchronized (this) {
        posts.add(new long[] {start, end});
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the floor's POST failed", e);
    }
  }

  /** When each new order's first frame was read, oldest first. */
  synchronized List<Long> framesRead() {
    return List.copyOf(framesRead);
  }

  /** Each POST's start and end, oldest first. */
  synchronized List<long[]> posts() {
    return List.copyOf(posts);
  }

  @Override
  public void close() {
    socket.cancel();
    poster.shutdownNow();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
