package io.copytrade.testkit;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.OrderId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake Dhan broker on loopback that speaks DhanHQ API v2's wire protocol: REST under {@code /v2/}, the
 * instrument master CSV, and the live order-update WebSocket on a separate port (like Dhan's separate host).
 * Orders move TRANSIT, PENDING, then TRADED as {@link #market()} prices reach them; faults are scripted;
 * every HTTP request is recorded. Thread-safe.
 */
public final class FakeDhan implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FakeDhan.class);
  /** Held strongly: MockWebServer logs every request at INFO through java.util.logging. */
  private static final java.util.logging.Logger MOCK_WEB_SERVER_LOG =
      java.util.logging.Logger.getLogger(MockWebServer.class.getName());

  private final FakeSettings settings = new FakeSettings();
  private final FakeInstruments instruments = new FakeInstruments();
  private final Faults faults = new Faults();
  private final Map<AccountId, FakeAccount> accounts = new ConcurrentHashMap<>();
  private final List<RecordedCall> calls = new ArrayList<>();
  /** The OMS: moves orders out of TRANSIT, one thread so events keep their order. */
  private final ScheduledExecutorService oms =
      Executors.newSingleThreadScheduledExecutor(Daemons.named("fake-dhan-oms"));
  private final Book book;
  private final FakeMarket market;
  private final OrderSocketServer orderSockets;
  private final MockWebServer rest = new MockWebServer();
  private volatile WireListener wireListener = WireListener.NONE;
  private final WireListener wire = new GuardedWire();
  /** For account holders' own orders; never retries, so one call is one request. */
  private final OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false)
      .callTimeout(Duration.ofSeconds(30)).build();

  private FakeDhan() throws IOException {
    MOCK_WEB_SERVER_LOG.setLevel(Level.WARNING);
    book = new Book(settings, oms, Clock.system(WireTime.IST), this::alert);
    market = new FakeMarket(book);
    orderSockets = new OrderSocketServer(token -> accountByToken(token).map(FakeAccount::id),
        settings::loginLatency, wire);
    try {
      rest.setServerSocketFactory(NoDelayServerSocket.factory());
      rest.setDispatcher(new RestApi(this));
      rest.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException | RuntimeException e) {
      orderSockets.close();
      oms.shutdownNow();
      throw e;
    }
    log.info("FakeDhan REST at {}, order updates at {}", restBase(), orderUpdateSocket());
  }

  /** Starts REST and the order-update socket on 127.0.0.1, each on an ephemeral port. */
  public static FakeDhan start() {
    try {
      return new FakeDhan();
    } catch (IOException e) {
      throw new UncheckedIOException("FakeDhan could not start", e);
    }
  }

  /** The REST base, ending in '/', e.g. {@code http://127.0.0.1:PORT/v2/}. */
  public URI restBase() {
    return URI.create("http://127.0.0.1:" + rest.getPort() + "/v2/");
  }

  /** The order-update socket, e.g. {@code ws://127.0.0.1:PORT2/} (no path, like Dhan's). */
  public URI orderUpdateSocket() {
    return orderSockets.uri();
  }

  /** The detailed instrument master, served without auth. */
  public URI instrumentMaster() {
    return URI.create("http://127.0.0.1:" + rest.getPort() + RestApi.DETAILED_CSV_PATH);
  }

  /** The account with this client id, created on first call with a fresh fake token and no funds. */
  public FakeAccount account(String clientId) {
    return accounts.computeIfAbsent(AccountId.of(clientId), id -> new FakeAccount(this, id));
  }

  public FakeInstruments instruments() {
    return instruments;
  }

  public FakeMarket market() {
    return market;
  }

  public Faults faults() {
    return faults;
  }

  public FakeSettings settings() {
    return settings;
  }

  /**
   * Tells {@code listener} of every order-update frame written and HTTP request received from now on, with
   * their {@link System#nanoTime()}; replaces the listener registered before. {@link #reset()} removes it.
   */
  public FakeDhan wireListener(WireListener listener) {
    wireListener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** Every HTTP request received so far, oldest first. */
  public List<RecordedCall> requests() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /**
   * Forgets accounts (their tokens stop working and their sockets are dropped), orders, trades, faults (frames
   * to lose among them) and recorded requests, and restores default settings. Instruments and market prices
   * stay: they are fixtures.
   */
  public void reset() {
    accounts.keySet().forEach(orderSockets::drop);
    orderSockets.forgetLosses();
    accounts.clear();
    book.clearOrders();
    faults.clear();
    settings.reset();
    // A frame already written may not have told the listener yet: the next test's listener must not hear it.
    orderSockets.awaitPublished();
    wireListener = WireListener.NONE;
    synchronized (calls) {
      calls.clear();
    }
  }

  @Override
  public void close() {
    try {
      rest.close();
    } catch (RuntimeException e) {
      log.debug("closing REST: {}", e.toString());
    }
    orderSockets.close();
    oms.shutdownNow();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  Optional<FakeAccount> accountByToken(String token) {
    return accounts.values().stream().filter(a -> a.token().equals(token)).findFirst();
  }

  void record(RecordedCall call) {
    synchronized (calls) {
      calls.add(call);
    }
  }

  /** The registered listener, its failures logged rather than thrown into the fake's I/O threads. */
  WireListener wire() {
    return wire;
  }

  Book book() {
    return book;
  }

  OrderSocketServer orderSockets() {
    return orderSockets;
  }

  OkHttpClient httpClient() {
    return client;
  }

  /** Runs under the book's lock, so frames are formatted and queued in the order the changes happened. */
  private void alert(BookOrder order) {
    orderSockets.publish(order.account, order.id,
        OrderAlert.frame(order, book.lastPrice(order.instrument.key()), settings));
  }

  private final class GuardedWire implements WireListener {
    @Override
    public void frameSent(AccountId account, OrderId order, long nanos) {
      try {
        wireListener.frameSent(account, order, nanos);
      } catch (RuntimeException e) {
        log.warn("wire listener failed on a frame", e);
      }
    }

    @Override
    public void requestReceived(String method, String path, Optional<AccountId> account, long nanos) {
      try {
        wireListener.requestReceived(method, path, account, nanos);
      } catch (RuntimeException e) {
        log.warn("wire listener failed on a request", e);
      }
    }
  }
}
