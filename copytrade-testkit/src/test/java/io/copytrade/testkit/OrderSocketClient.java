package io.copytrade.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/** An OkHttp WebSocket client of the order-update socket that records what happens to it. */
final class OrderSocketClient extends WebSocketListener implements AutoCloseable {
  /** Something the client saw. */
  sealed interface Event {
    record Text(String text) implements Event {}

    record Closing(int code) implements Event {}

    record Failure(Throwable cause) implements Event {}
  }

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final WebSocket socket;

  private OrderSocketClient(FakeDhan dhan) {
    socket = DhanHttp.CLIENT.newWebSocket(new Request.Builder().url(dhan.orderUpdateSocket().toString()).build(),
        this);
  }

  /** Connects and sends Dhan's login frame right away, as the docs prescribe. */
  static OrderSocketClient login(FakeDhan dhan, String clientId, String token) {
    OrderSocketClient client = new OrderSocketClient(dhan);
    client.socket.send("{\"LoginReq\":{\"MsgCode\":42,\"ClientId\":\"" + clientId + "\",\"Token\":\"" + token
        + "\"},\"UserType\":\"SELF\"}");
    return client;
  }

  /** Logs in as the account and waits until the fake has the session. */
  static OrderSocketClient loggedIn(FakeDhan dhan, FakeAccount account) {
    OrderSocketClient client = login(dhan, account.id().value(), account.token());
    account.awaitOrderSocket(Duration.ofSeconds(2));
    return client;
  }

  /** The next frame's Data, after checking it is an order_alert. */
  @SuppressWarnings("unchecked")
  Map<String, Object> nextAlert() {
    Event event = next(Duration.ofSeconds(2));
    assertThat(event).isInstanceOf(Event.Text.class);
    Map<String, Object> frame = parse(((Event.Text) event).text());
    assertThat(frame).containsOnlyKeys("Type", "Data").containsEntry("Type", "order_alert");
    return (Map<String, Object>) frame.get("Data");
  }

  /** Asserts the connection failed (reset or EOF) without the server sending a Close frame first. */
  Throwable awaitDropWithoutClose() {
    Event event = next(Duration.ofSeconds(2));
    assertThat(event).as("expected a dropped connection, not a Close frame or a message")
        .isInstanceOf(Event.Failure.class);
    return ((Event.Failure) event).cause();
  }

  void assertSilentFor(Duration quiet) {
    assertThat(poll(quiet)).isNull();
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    events.add(new Event.Text(text));
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    events.add(new Event.Closing(code));
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable t, Response response) {
    events.add(new Event.Failure(t));
  }

  @Override
  public void close() {
    socket.cancel();
  }

  private Event next(Duration timeout) {
    Event event = poll(timeout);
    assertThat(event).as("nothing happened on the socket within %s", timeout).isNotNull();
    return event;
  }

  private Event poll(Duration timeout) {
    try {
      return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String text) {
    try {
      return (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class).fromJson(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
