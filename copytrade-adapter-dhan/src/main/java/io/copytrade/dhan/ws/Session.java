package io.copytrade.dhan.ws;

import com.squareup.moshi.JsonAdapter;
import io.copytrade.dhan.wire.WireValues;
import io.copytrade.ports.broker.Credentials;
import io.copytrade.ports.broker.LeaderOrderListener;
import io.copytrade.ports.broker.LeaderOrderStream;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription: a socket that logs in, reads frames and, when it drops, is replaced after a backoff.
 * Listener calls and reconnections run under the session's lock, in order: frames on the socket's own reader
 * thread, reconnections on one timer thread shared by every session. A thread of its own for each session
 * (a hundred followers are a hundred sessions) cost memory and a hand-over per frame.
 */
final class Session implements LeaderOrderStream.Subscription {
  private static final Logger log = LoggerFactory.getLogger(Session.class);
  /** A connection open this long was healthy: the next failure starts the backoff afresh. */
  private static final long STABLE_NANOS = Duration.ofSeconds(30).toNanos();
  /** The socket accepts a bad token and then drops the connection moments after the login frame. */
  private static final long LOGIN_GRACE_NANOS = Duration.ofSeconds(2).toNanos();
  private static final int NORMAL_CLOSURE = 1000;
  private static final ScheduledThreadPoolExecutor RECONNECTS = reconnects();

  private final OkHttpClient client;
  private final Request request;
  private final Credentials leader;
  private final LeaderOrderListener listener;
  private final IntFunction<Duration> reconnectDelay;
  private final JsonAdapter<LoginJson> login;
  private final FrameReader frames;

  private volatile boolean closed;
  private volatile WebSocket socket;

  // Guarded by this.
  private int failures;
  private boolean open;
  private long openedAt;
  private boolean framed;

  Session(OkHttpClient client, Request request, Credentials leader, LeaderOrderListener listener,
      IntFunction<Duration> reconnectDelay, JsonAdapter<LoginJson> login, FrameReader frames) {
    this.client = client;
    this.request = request;
    this.leader = leader;
    this.listener = new GuardedListener(listener);
    this.reconnectDelay = reconnectDelay;
    this.login = login;
    this.frames = frames;
  }

  /** The timer's thread ends when no session waits to reconnect, and a new one starts when one does. */
  private static ScheduledThreadPoolExecutor reconnects() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "dhan-order-updates-reconnect");
      thread.setDaemon(true);
      return thread;
    });
    timer.setKeepAliveTime(10, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
    return timer;
  }

  /** Connects on the timer's thread: the caller (the engine starting up) goes on meanwhile. */
  void start() {
    RECONNECTS.execute(() -> deliver(this::connect));
  }

  @Override
  public void close() {
    closed = true; // a reconnection already scheduled finds it and does nothing
    WebSocket current = socket;
    if (current != null) current.close(NORMAL_CLOSURE, "subscription closed");
  }

  private void connect() {
    if (closed) return;
    String token;
    try {
      token = leader.tokens().current().reveal(); // asked on every connection: tokens rotate
    } catch (RuntimeException e) {
      disconnected("no access token: " + e.getClass().getName());
      return;
    }
    WebSocket opened = client.newWebSocket(request, new Connection(token));
    socket = opened;
    if (closed) opened.cancel();
  }

  private void disconnected(String reason) {
    long lasted = System.nanoTime() - openedAt;
    if (open && lasted >= STABLE_NANOS) failures = 0;
    String hint = open && !framed && lasted < LOGIN_GRACE_NANOS
        ? "; dropped right after login: the token may be invalid"
        : "";
    open = false;
    Duration delay = reconnectDelay.apply(failures);
    failures = Math.min(failures + 1, Integer.MAX_VALUE - 1);
    log.info("order-update socket of {} disconnected ({}{}); reconnecting in {}", leader.account(), reason, hint,
        delay);
    listener.onDisconnected(reason + hint);
    RECONNECTS.schedule(() -> deliver(this::connect), delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Runs {@code event} under the session's lock, in the caller's thread, unless the subscription is closed. */
  private synchronized void deliver(Runnable event) {
    if (!closed) event.run();
  }

  /** One socket's events. Each socket ends once, whichever of close or failure is reported first. */
  private final class Connection extends WebSocketListener {
    private final String token;
    private boolean ended; // guarded by this

    Connection(String token) {
      this.token = token;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      webSocket.send(login.toJson(LoginJson.self(leader.account().value(), token)));
      deliver(() -> {
        open = true;
        openedAt = System.nanoTime();
        framed = false;
        listener.onConnected();
      });
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      received(() -> frames.read(text, token, listener));
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
      received(() -> frames.read(bytes, token, listener));
    }

    /** Any frame, even one that cannot be read, shows that the login was accepted and the link is alive. */
    private void received(Runnable read) {
      deliver(() -> {
        framed = true;
        failures = 0;
        read.run();
      });
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(NORMAL_CLOSURE, null);
      end("closed by server: " + code + (reason.isEmpty() ? "" : " " + reason));
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      end("closed: " + code);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
      String status = response == null ? "" : " (HTTP " + response.code() + ")";
      end("connection failed: " + failure.getClass().getSimpleName() + ": " + failure.getMessage() + status);
    }

    private void end(String reason) {
      synchronized (this) {
        if (ended) return;
        ended = true;
      }
      String clean = WireValues.redact(reason, token);
      deliver(() -> disconnected(clean));
    }
  }
}
