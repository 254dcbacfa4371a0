package io.copytrade.testkit;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.OrderId;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dhan's live order-update socket (§5) on its own loopback port: a client upgrades at "/", sends one login
 * text frame and then only listens. No acknowledgement is ever sent. A bad login is read, then the TCP
 * connection is reset without a Close frame, as measured on the real server.
 */
final class OrderSocketServer implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(OrderSocketServer.class);
  private static final double LOGIN_MSG_CODE = 42;

  private final ServerSocket server;
  private final Function<String, Optional<AccountId>> tokens;
  private final Supplier<Duration> loginLatency;
  private final WireListener wire;
  private final ExecutorService connections = Executors.newCachedThreadPool(Daemons.named("fake-dhan-ws"));
  /** One sender keeps every account's alerts in the order the book produced them. */
  private final ExecutorService sender = Executors.newSingleThreadExecutor(Daemons.named("fake-dhan-ws-send"));
  private final Map<AccountId, Set<WebSocketConnection>> sessions = new ConcurrentHashMap<>();
  private final Set<WebSocketConnection> open = ConcurrentHashMap.newKeySet();
  /** Frames still to be lost per account, with its sockets left open. */
  private final Map<AccountId, AtomicInteger> toLose = new ConcurrentHashMap<>();

  /**
   * @param tokens the account whose current token this is, if any
   * @param loginLatency how long after reading a login the server starts pushing that account's events
   * @param wire told of each frame written
   */
  OrderSocketServer(Function<String, Optional<AccountId>> tokens, Supplier<Duration> loginLatency,
      WireListener wire) throws IOException {
    this.tokens = tokens;
    this.loginLatency = loginLatency;
    this.wire = wire;
    this.server = new NoDelayServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Daemons.named("fake-dhan-ws-accept").newThread(this::acceptLoop).start();
  }

  URI uri() {
    return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/");
  }

  /** Sends a frame about the order to every logged-in socket of the account, after all frames published before it. */
  void publish(AccountId account, OrderId order, String frame) {
    sender.execute(() -> {
      Set<WebSocketConnection> listening = sessions.getOrDefault(account, Set.of());
      if (!listening.isEmpty() && losesNext(account)) {
        log.debug("losing a frame of {} on a live socket", account);
        return;
      }
      send(account, order, frame, listening);
    });
  }

  /** Takes one of the frames the account is to lose, if any is left. */
  private boolean losesNext(AccountId account) {
    AtomicInteger left = toLose.get(account);
    return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  private void send(AccountId account, OrderId order, String frame, Set<WebSocketConnection> listening) {
    listening.forEach(connection -> {
      try {
        connection.sendText(frame);
        wire.frameSent(account, order, System.nanoTime());
      } catch (IOException e) {
        log.debug("order socket of {} is gone: {}", account, e.toString());
        connection.reset();
      }
    });
  }

  /**
   * The account's next {@code count} frames while a socket listens are never written, its sockets left open
   * (UNCONFIRMED at Dhan); frames nobody hears are not counted.
   */
  void lose(AccountId account, int count) {
    toLose.computeIfAbsent(account, a -> new AtomicInteger()).addAndGet(count);
  }

  void forgetLosses() {
    toLose.clear();
  }

  /**
   * Returns once every frame published so far was written and its listener told: a listener is told just after
   * the write, so a client can read a frame before then.
   */
  void awaitPublished() {
    try {
      sender.submit(() -> {}).get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
      log.debug("frames published before a reset may still be on their way: {}", e.toString());
    }
  }

  int sessionCount(AccountId account) {
    return sessions.getOrDefault(account, Set.of()).size();
  }

  /** Resets the account's sockets: no Close frame, as when Dhan drops a connection. */
  void drop(AccountId account) {
    Optional.ofNullable(sessions.remove(account)).ifPresent(set -> set.forEach(WebSocketConnection::reset));
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      log.debug("closing the order socket server: {}", e.toString());
    }
    open.forEach(WebSocketConnection::reset);
    connections.shutdownNow();
    sender.shutdownNow();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.execute(() -> serve(socket));
      } catch (IOException e) {
        if (!server.isClosed()) log.warn("order socket accept failed: {}", e.toString());
      }
    }
  }

  private void serve(Socket socket) {
    WebSocketConnection connection = null;
    Optional<AccountId> account = Optional.empty();
    try {
      connection = WebSocketConnection.accept(socket);
      open.add(connection);
      account = connection.readText().flatMap(this::login);
      if (account.isEmpty()) {
        log.info("order socket login refused; dropping the connection");
        connection.reset();
        return;
      }
      // Events of the account in the meantime are not sent to this socket: the client cannot know when.
      Thread.sleep(loginLatency.get().toMillis());
      sessions.computeIfAbsent(account.get(), a -> ConcurrentHashMap.newKeySet()).add(connection);
      log.debug("order socket of {} logged in", account.get());
      connection.drainUntilClosed();
    } catch (IOException e) {
      log.debug("order socket ended: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      WebSocketConnection ended = connection;
      account.ifPresent(a -> sessions.computeIfPresent(a, (id, set) -> {
        set.remove(ended);
        return set.isEmpty() ? null : set;
      }));
      if (ended != null) {
        open.remove(ended);
        ended.close();
      } else {
        closeQuietly(socket);
      }
    }
  }

  /** {"LoginReq":{"MsgCode":42,"ClientId":..,"Token":..},"UserType":"SELF"} with the client's current token. */
  private Optional<AccountId> login(String frame) {
    if (!(JsonText.read(frame).orElse(null) instanceof Map<?, ?> message)
        || !"SELF".equals(message.get("UserType"))
        || !(message.get("LoginReq") instanceof Map<?, ?> request)
        || !Double.valueOf(LOGIN_MSG_CODE).equals(request.get("MsgCode"))
        || !(request.get("Token") instanceof String token)) {
      return Optional.empty();
    }
    return tokens.apply(token).filter(account -> account.value().equals(request.get("ClientId")));
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing is best effort.
    }
  }
}
