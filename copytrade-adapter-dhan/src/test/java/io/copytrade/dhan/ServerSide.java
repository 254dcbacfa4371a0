package io.copytrade.dhan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.ByteString;
import okio.Okio;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/** The server's end of one order-update socket: records what the client sent and lets the test push frames. */
final class ServerSide extends WebSocketListener {
  private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final CompletableFuture<WebSocket> opened = new CompletableFuture<>();
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final BlockingQueue<Integer> closes = new LinkedBlockingQueue<>();

  MockResponse upgrade() {
    return new MockResponse.Builder().webSocketUpgrade(this).build();
  }

  WebSocket socket() throws Exception {
    return opened.get(5, TimeUnit.SECONDS);
  }

  String nextReceived() throws InterruptedException {
    String text = received.poll(5, TimeUnit.SECONDS);
    assertThat(text).as("a frame from the client").isNotNull();
    return text;
  }

  void assertNothingMoreReceived() throws InterruptedException {
    assertThat(received.poll(200, TimeUnit.MILLISECONDS)).as("no further frame from the client").isNull();
  }

  int closeCode() throws InterruptedException {
    Integer code = closes.poll(5, TimeUnit.SECONDS);
    assertThat(code).as("a close from the client").isNotNull();
    return code;
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    opened.complete(webSocket);
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    received.add(text);
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    webSocket.close(1000, null);
    closes.add(code);
  }

  /**
   * An upgrade that takes the client's first frame and then resets the connection without a Close frame, as
   * Dhan does to a bad token. Built by hand: MockWebServer's own upgrade always closes politely.
   */
  static MockResponse resetAfterLogin(RecordedRequest upgrade) {
    String accept = ByteString.encodeUtf8(upgrade.getHeaders().get("Sec-WebSocket-Key") + WEBSOCKET_GUID)
        .sha1().base64();
    return new MockResponse.Builder()
        .code(101)
        .setHeader("Upgrade", "websocket")
        .setHeader("Connection", "Upgrade")
        .setHeader("Sec-WebSocket-Accept", accept)
        .socketHandler(socket -> {
          try {
            Okio.buffer(socket.getSource()).require(2); // the login frame's header
          } catch (IOException ignored) {
            // the client went away first; the reset below is then moot
          }
          socket.cancel();
        })
        .build();
  }
}
