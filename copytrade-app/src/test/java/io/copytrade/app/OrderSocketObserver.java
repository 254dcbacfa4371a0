package io.copytrade.app;

import io.copytrade.testkit.FakeAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A second subscriber on the leader's order-update socket, beside the engine's: it counts the order-update
 * frames the fake pushes for the leader, which is how the soak counts its events. It only listens, like any
 * client of Dhan's socket after its login frame.
 */
final class OrderSocketObserver implements AutoCloseable {
  private final URI uri;
  private final FakeAccount account;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicLong frames = new AtomicLong();
  private volatile WebSocket socket;
  private volatile CompletableFuture<Void> ended = CompletableFuture.completedFuture(null);

  OrderSocketObserver(URI uri, FakeAccount account) {
    this.uri = uri;
    this.account = account;
  }

  /** Frames received so far, over every connection. */
  long frames() {
    return frames.get();
  }

  /** Connects and logs in; bounded. */
  void connect() throws Exception {
    CompletableFuture<Void> end = new CompletableFuture<>();
    ended = end;
    socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
        .buildAsync(uri, new Counter(end)).get(10, TimeUnit.SECONDS);
    String login = "{\"LoginReq\":{\"MsgCode\":42,\"ClientId\":\"" + account.id().value() + "\",\"Token\":\""
        + account.token() + "\"},\"UserType\":\"SELF\"}";
    socket.sendText(login, true).get(5, TimeUnit.SECONDS);
  }

  /** Waits (bounded) until the current connection has ended, e.g. after the fake dropped it. */
  boolean awaitEnded(Duration timeout) {
    try {
      ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() {
    WebSocket current = socket;
    if (current != null) current.abort();
  }

  private final class Counter implements WebSocket.Listener {
    private final CompletableFuture<Void> end;

    Counter(CompletableFuture<Void> end) {
      this.end = end;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      if (last) frames.incrementAndGet();
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      end.complete(null);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      end.complete(null);
    }
  }
}
