package io.copytrade.dhan;

import static io.copytrade.dhan.Fixtures.ACCOUNT;
import static io.copytrade.dhan.Fixtures.CREDENTIALS;
import static io.copytrade.dhan.Fixtures.NIFTY_CE;
import static io.copytrade.dhan.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.copytrade.dhan.RecordingListener.Connected;
import io.copytrade.dhan.RecordingListener.Disconnected;
import io.copytrade.dhan.RecordingListener.Malformed;
import io.copytrade.dhan.RecordingListener.Update;
import io.copytrade.ports.broker.LeaderOrderStream.Subscription;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.InstrumentType;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.LotSize;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.OrderType;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.model.Validity;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The order-update socket against a loopback WebSocket server. */
class DhanOrderStreamTest {
  private static final String LOGIN =
      "{\"LoginReq\":{\"MsgCode\":42,\"ClientId\":\"1000000001\",\"Token\":\"" + TOKEN + "\"},\"UserType\":\"SELF\"}";

  private static final LeaderOrderUpdate SAMPLE_UPDATE = new LeaderOrderUpdate(ACCOUNT, OrderId.of("5125112412345"),
      OrderStatus.TRADED, Side.BUY, NIFTY_CE, ProductType.MARGIN, OrderType.LIMIT, Validity.DAY, Quantity.of(65),
      Quantity.of(65), Price.ofPaise(11250), Optional.empty(), Optional.of(Price.ofPaise(11245)),
      Optional.of(InstrumentType.OPTIDX), Optional.of(LotSize.of(65)), Optional.of(CorrelationId.of("cp-7f3a-0001")),
      Instant.parse("2026-11-24T04:45:03Z"));

  private final RecordingListener listener = new RecordingListener();
  private MockWebServer server;
  private DhanOrderStream stream;

  @BeforeEach
  void start() throws IOException {
    server = Loopback.server();
    stream = new DhanOrderStream(Loopback.socketUri(server), Fixtures.FAST_BACKOFF);
  }

  @AfterEach
  void stop() {
    stream.close();
    server.close();
  }

  @Test
  void logsInWithExactlyOneFrameAndNoCredentialsInTheRequest() throws Exception {
    ServerSide side = new ServerSide();
    server.enqueue(side.upgrade());

    stream.subscribe(CREDENTIALS, listener);

    assertThat(side.nextReceived()).isEqualTo(LOGIN);
    listener.next(Connected.class);
    side.assertNothingMoreReceived();
    RecordedRequest upgrade = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(upgrade.getTarget()).isEqualTo("/");
    assertThat(upgrade.getHeaders().toString()).doesNotContain(TOKEN);
  }

  @Test
  void readsTheReferenceSampleAlert() throws Exception {
    WebSocket socket = connected(new ServerSide());

    socket.send(Samples.ORDER_ALERT);

    assertThat(listener.next(Update.class).update()).isEqualTo(SAMPLE_UPDATE);
  }

  /** A hundred followers are a hundred subscriptions: none may cost a thread of its own beyond its socket's. */
  @Test
  void subscriptionsHaveNoThreadOfTheirOwnAndEachGetsItsFramesInOrder() throws Exception {
    List<ServerSide> sides = IntStream.range(0, 20).mapToObj(i -> new ServerSide()).toList();
    sides.forEach(side -> server.enqueue(side.upgrade()));
    List<RecordingListener> listeners = sides.stream().map(side -> new RecordingListener()).toList();
    for (RecordingListener each : listeners) stream.subscribe(CREDENTIALS, each);
    for (RecordingListener each : listeners) each.next(Connected.class);
    long threadsBefore = Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("dhan-order-updates")).count();

    for (ServerSide side : sides) {
      side.socket().send(Samples.ORDER_ALERT.replace("\"Status\":\"TRADED\"", "\"Status\":\"PENDING\""));
      side.socket().send(Samples.ORDER_ALERT);
    }

    for (RecordingListener each : listeners) {
      assertThat(each.next(Update.class).update().status()).isEqualTo(OrderStatus.PENDING);
      assertThat(each.next(Update.class).update()).isEqualTo(SAMPLE_UPDATE);
    }
    assertThat(threadsBefore).as("threads of the order-update sessions").isLessThanOrEqualTo(1);
  }

  @Test
  void comparesStatusWithoutCaseAndTakesNumbersAsStrings() throws Exception {
    WebSocket socket = connected(new ServerSide());

    socket.send(Samples.ORDER_ALERT.replace("\"Status\":\"TRADED\"", "\"Status\":\"Cancelled\"")
        .replace("\"Quantity\":65", "\"Quantity\":\"65\"").replace("\"Price\":112.5", "\"Price\":\"112.5\""));
    socket.send(Samples.ORDER_ALERT.replace("\"Status\":\"TRADED\"", "\"Status\":\"PART_TRADED\"")
        .replace("\"TradedQty\":65", "\"TradedQty\":20"));

    LeaderOrderUpdate cancelled = listener.next(Update.class).update();
    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(cancelled.quantity()).isEqualTo(Quantity.of(65));
    assertThat(cancelled.price()).isEqualTo(Price.ofPaise(11250));
    LeaderOrderUpdate partial = listener.next(Update.class).update();
    assertThat(partial.status()).isEqualTo(OrderStatus.PART_TRADED);
    assertThat(partial.isPartiallyFilled()).isTrue();
  }

  @Test
  void skipsOtherTypesReportsUnreadableFramesAndCarriesOnInOrderOnOneThread() throws Exception {
    WebSocket socket = connected(new ServerSide());

    socket.send("{\"Type\":\"heartbeat\",\"Data\":[1,2,{\"x\":true}]}");
    socket.send("{not json " + TOKEN);
    socket.send(Samples.ORDER_ALERT.replace("\"TxnType\":\"B\"", "\"TxnType\":\"X\""));
    socket.send(Samples.ORDER_ALERT);

    String unparsable = listener.next(Malformed.class).problem();
    assertThat(unparsable).contains("{not json").doesNotContain(TOKEN);
    String unknownCode = listener.next(Malformed.class).problem();
    assertThat(unknownCode).contains("TxnType has unexpected value 'X'").contains("frame: {\"Type\"");
    assertThat(unknownCode.substring(unknownCode.indexOf("frame: ") + 7)).hasSizeLessThanOrEqualTo(200);
    assertThat(listener.next(Update.class).update()).isEqualTo(SAMPLE_UPDATE);
    listener.assertNoMore();
    assertThat(listener.threads()).hasSize(1);
  }

  @Test
  void splitsAFrameHoldingTwoAlerts() throws Exception {
    WebSocket socket = connected(new ServerSide());

    socket.send(Samples.ORDER_ALERT + Samples.ORDER_ALERT.replace("\"Status\":\"TRADED\"", "\"Status\":\"EXPIRED\""));

    assertThat(listener.next(Update.class).update().status()).isEqualTo(OrderStatus.TRADED);
    assertThat(listener.next(Update.class).update().status()).isEqualTo(OrderStatus.EXPIRED);
  }

  @Test
  void reconnectsAndLogsInAgainWhenTheServerClosesTheConnection() throws Exception {
    ServerSide first = new ServerSide();
    ServerSide second = new ServerSide();
    server.enqueue(first.upgrade());
    server.enqueue(second.upgrade());
    stream.subscribe(CREDENTIALS, listener);
    assertThat(first.nextReceived()).isEqualTo(LOGIN);
    listener.next(Connected.class);
    first.socket().send(Samples.ORDER_ALERT);
    listener.next(Update.class);

    first.socket().close(1001, "going away");

    assertThat(listener.next(Disconnected.class).reason()).isEqualTo("closed by server: 1001 going away");
    assertThat(second.nextReceived()).isEqualTo(LOGIN);
    listener.next(Connected.class);
    second.socket().send(Samples.ORDER_ALERT);
    assertThat(listener.next(Update.class).update()).isEqualTo(SAMPLE_UPDATE);
  }

  @Test
  void reconnectsWhenTheConnectionIsResetRightAfterLogin() throws Exception {
    ServerSide second = new ServerSide();
    Iterator<Function<RecordedRequest, MockResponse>> answers =
        List.<Function<RecordedRequest, MockResponse>>of(ServerSide::resetAfterLogin, upgrade -> second.upgrade())
            .iterator();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answers.next().apply(request);
      }
    });

    stream.subscribe(CREDENTIALS, listener);

    listener.next(Connected.class);
    assertThat(listener.next(Disconnected.class).reason()).contains("token may be invalid").doesNotContain(TOKEN);
    assertThat(second.nextReceived()).isEqualTo(LOGIN);
    listener.next(Connected.class);
  }

  @Test
  void closingTheSubscriptionClosesTheSocketAndStopsReconnecting() throws Exception {
    ServerSide side = new ServerSide();
    server.enqueue(side.upgrade());
    Subscription subscription = stream.subscribe(CREDENTIALS, listener);
    side.nextReceived();
    listener.next(Connected.class);
    server.takeRequest(5, TimeUnit.SECONDS);

    subscription.close();

    assertThat(side.closeCode()).isEqualTo(1000);
    assertThat(server.takeRequest(300, TimeUnit.MILLISECONDS)).as("no reconnection").isNull();
    listener.assertNoMore();
  }

  @Test
  void opensASocketForEveryAccountBeyondOkHttpsDefaultOf64ConcurrentCalls() throws Exception {
    // Each open socket holds one of the client's concurrent calls; a default client stops at 64.
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new ServerSide().upgrade();
      }
    });
    int accounts = 100;

    for (int i = 0; i < accounts; i++) stream.subscribe(CREDENTIALS, listener);

    for (int i = 0; i < accounts; i++) listener.next(Connected.class);
  }

  private WebSocket connected(ServerSide side) throws Exception {
    server.enqueue(side.upgrade());
    stream.subscribe(CREDENTIALS, listener);
    assertThat(side.nextReceived()).isEqualTo(LOGIN);
    listener.next(Connected.class);
    return side.socket();
  }
}
