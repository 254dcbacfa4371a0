package io.copytrade.dhan;

import static io.copytrade.dhan.Fixtures.ACCOUNT;
import static io.copytrade.dhan.Fixtures.CREDENTIALS;
import static io.copytrade.dhan.Fixtures.NIFTY_CE;
import static io.copytrade.dhan.Fixtures.TOKEN;
import static io.copytrade.dhan.Fixtures.limitBuy;
import static io.copytrade.dhan.Loopback.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import io.copytrade.ports.broker.AccessToken;
import io.copytrade.ports.broker.BrokerAccount;
import io.copytrade.ports.broker.Credentials;
import io.copytrade.ports.broker.PlacementResult;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.Funds;
import io.copytrade.ports.model.Margin;
import io.copytrade.ports.model.ModifyRequest;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderRequest;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.OrderType;
import io.copytrade.ports.model.Position;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Profile;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.model.Trade;
import io.copytrade.ports.model.Validity;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What goes on the wire for each call, and what the reference's sample answers become. */
class DhanBrokerTest {
  private static final Moshi MOSHI = new Moshi.Builder().build();

  private MockWebServer server;
  private DhanBroker broker;
  private BrokerAccount account;

  @BeforeEach
  void start() throws IOException {
    server = Loopback.server();
    broker = new DhanBroker(Loopback.endpoints(server));
    account = broker.account(CREDENTIALS);
  }

  @AfterEach
  void stop() {
    broker.close();
    server.close();
  }

  @Test
  void placesTheReferenceExampleAsExactJson() throws Exception {
    server.enqueue(json(200, Samples.PLACED));

    PlacementResult result = account.place(limitBuy());

    assertThat(result).isEqualTo(new PlacementResult.Accepted(OrderId.of("1124091136546"), OrderStatus.TRANSIT));
    RecordedRequest request = taken("POST", "/v2/orders");
    assertThat(parsed(request.getBody().utf8())).isEqualTo(parsed(Samples.PLACE_BODY));
    assertThat(request.getBody().utf8()).contains("\"quantity\":65", "\"price\":112.5").doesNotContain("\"\"");
  }

  @Test
  void sendsZeroPriceForMarketAndTheTriggerOnlyForStopLoss() throws Exception {
    server.enqueue(json(200, Samples.PLACED));
    server.enqueue(json(200, Samples.PLACED));

    account.place(order(OrderType.MARKET, Price.ZERO, Optional.empty()));
    account.place(order(OrderType.STOP_LOSS, Price.ofRupees("98.05"), Optional.of(Price.ofRupees("98.10"))));

    assertThat(parsed(taken("POST", "/v2/orders").getBody().utf8()))
        .containsEntry("orderType", "MARKET").containsEntry("price", 0.0).doesNotContainKey("triggerPrice");
    String stopLoss = taken("POST", "/v2/orders").getBody().utf8();
    assertThat(stopLoss).contains("\"price\":98.05", "\"triggerPrice\":98.1");
  }

  @Test
  void modifiesWithTheTotalQuantityAndCancelsByOrderId() throws Exception {
    server.enqueue(json(200, "{\"orderId\":\"1124091136546\",\"orderStatus\":\"PENDING\"}"));
    server.enqueue(json(200, "{\"orderId\":\"1124091136546\",\"orderStatus\":\"CANCELLED\"}"));
    OrderId id = OrderId.of("1124091136546");

    PlacementResult modified = account.modify(new ModifyRequest(ACCOUNT, id, OrderType.LIMIT, Validity.DAY,
        Quantity.of(130), Price.ofRupees("112.55"), Optional.empty()));
    PlacementResult cancelled = account.cancel(id);

    assertThat(modified).isEqualTo(new PlacementResult.Accepted(id, OrderStatus.PENDING));
    assertThat(parsed(taken("PUT", "/v2/orders/1124091136546").getBody().utf8())).isEqualTo(Map.of(
        "dhanClientId", "1000000001", "orderId", "1124091136546", "orderType", "LIMIT", "quantity", 130.0,
        "price", 112.55, "validity", "DAY"));
    assertThat(cancelled).isEqualTo(new PlacementResult.Accepted(id, OrderStatus.CANCELLED));
    assertThat(taken("DELETE", "/v2/orders/1124091136546").getBodySize()).isZero();
  }

  @Test
  void readsTheOrderRecordWithItsSentinels() throws Exception {
    server.enqueue(json(200, "[" + Samples.ORDER + "," + Samples.REJECTED_ORDER + "]"));

    List<BrokerOrder> book = account.orderBook();

    assertThat(book).containsExactly(tradedOrder(), new BrokerOrder(ACCOUNT, OrderId.of("1124091136547"),
        Optional.empty(), OrderStatus.REJECTED, Side.SELL, NIFTY_CE, ProductType.INTRADAY, OrderType.STOP_LOSS,
        Validity.IOC, Quantity.of(130), Quantity.ZERO, Price.ofPaise(9805), Optional.of(Price.ofPaise(9810)),
        Optional.empty(), Optional.of("RMS:1124091136547:Order Price needs to be Circuit Limits"),
        Optional.empty()));
    taken("GET", "/v2/orders");
  }

  @Test
  void anUnknownOrderIdAnswersAnEmptyArray() throws Exception {
    server.enqueue(json(200, "[]"));
    server.enqueue(json(200, Samples.ORDER));

    assertThat(account.order(OrderId.of("999"))).isEmpty();
    assertThat(account.order(OrderId.of("1124091136546"))).contains(tradedOrder());
    taken("GET", "/v2/orders/999");
    taken("GET", "/v2/orders/1124091136546");
  }

  @Test
  void anUnknownCorrelationIdAnswers404WithDh906() throws Exception {
    server.enqueue(json(404, Samples.error("Order_Error", "DH-906", "Order not found")));
    server.enqueue(json(200, Samples.ORDER));

    assertThat(account.findByCorrelationId(CorrelationId.of("ct-unknown"))).isEmpty();
    assertThat(account.findByCorrelationId(CorrelationId.of("cp-7f3a-0001"))).contains(tradedOrder());
    taken("GET", "/v2/orders/external/ct-unknown");
    taken("GET", "/v2/orders/external/cp-7f3a-0001");
  }

  @Test
  void readsTrades() throws Exception {
    server.enqueue(json(200, Samples.TRADES));

    assertThat(account.trades()).containsExactly(new Trade(ACCOUNT, "15432", OrderId.of("1124091136546"), Side.BUY,
        NIFTY_CE, ProductType.MARGIN, Quantity.of(65), Price.ofPaise(11245),
        Instant.parse("2026-11-24T04:45:03Z")));
    taken("GET", "/v2/trades");
  }

  @Test
  void readsPositionsRoundingAveragesAndProfitToThePaisaWithWhatWasCarriedIn() throws Exception {
    server.enqueue(json(200, Samples.POSITIONS));

    assertThat(account.positions()).containsExactly(new Position(ACCOUNT, NIFTY_CE, ProductType.MARGIN, 130,
        Price.ofPaise(11248), Price.ZERO, Money.ZERO, Money.ofPaise(-325), 65));
    taken("GET", "/v2/positions");
  }

  @Test
  void readsFundLimitsUnderTheirMisspelledName() throws Exception {
    server.enqueue(json(200, Samples.FUND_LIMIT));

    assertThat(account.funds()).isEqualTo(new Funds(ACCOUNT, Money.ofRupees("98440"), Money.ofRupees("113642"),
        Money.ofRupees("15202")));
    taken("GET", "/v2/fundlimit");
  }

  @Test
  void readsTheProfileSendingTheClientIdHeaderToo() throws Exception {
    server.enqueue(json(200, Samples.PROFILE));

    assertThat(account.profile()).isEqualTo(new Profile(ACCOUNT, "30/03/2025 15:37",
        "Equity, Derivative, Currency, Commodity"));
    assertThat(taken("GET", "/v2/profile").getHeaders().get("dhanClientId")).isEqualTo("1000000001");
  }

  @Test
  void asksForMargin() throws Exception {
    server.enqueue(json(200, Samples.MARGIN));

    Margin margin = account.margin(limitBuy());

    assertThat(margin).isEqualTo(new Margin(Money.ofRupees("145000.5"), Money.ofRupees("98440"),
        Money.ofRupees("46560.5")));
    assertThat(parsed(taken("POST", "/v2/margincalculator").getBody().utf8())).isEqualTo(Map.of(
        "dhanClientId", "1000000001", "exchangeSegment", "NSE_FNO", "transactionType", "BUY", "quantity", 65.0,
        "productType", "MARGIN", "securityId", "35191", "price", 112.5));
  }

  @Test
  void asksForTheTokenOnEveryCall() throws Exception {
    Iterator<String> tokens = List.of("token-one", "token-two").iterator();
    BrokerAccount rotating = broker.account(new Credentials(ACCOUNT, () -> new AccessToken(tokens.next())));
    server.enqueue(json(200, Samples.FUND_LIMIT));
    server.enqueue(json(200, Samples.FUND_LIMIT));

    rotating.funds();
    rotating.funds();

    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("access-token")).isEqualTo("token-one");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("access-token")).isEqualTo("token-two");
  }

  private static BrokerOrder tradedOrder() {
    return new BrokerOrder(ACCOUNT, OrderId.of("1124091136546"), Optional.of(CorrelationId.of("cp-7f3a-0001")),
        OrderStatus.TRADED, Side.BUY, NIFTY_CE, ProductType.MARGIN, OrderType.LIMIT, Validity.DAY,
        Quantity.of(65), Quantity.of(65), Price.ofPaise(11250), Optional.empty(), Optional.of(Price.ofPaise(11245)),
        Optional.empty(), Optional.of(Instant.parse("2026-11-24T04:45:03Z")));
  }

  private static OrderRequest order(OrderType type, Price price, Optional<Price> trigger) {
    return new OrderRequest(ACCOUNT, CorrelationId.of("cp-7f3a-0002"), Side.SELL, NIFTY_CE, ProductType.MARGIN,
        type, Validity.DAY, Quantity.of(65), price, trigger);
  }

  /** The next request, checked for method, path and the headers every call carries. */
  private RecordedRequest taken(String method, String path) throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a %s %s request", method, path).isNotNull();
    assertThat(request.getMethod()).isEqualTo(method);
    assertThat(request.getUrl().encodedPath()).isEqualTo(path);
    assertThat(request.getHeaders().get("access-token")).isEqualTo(TOKEN);
    assertThat(request.getHeaders().get("client-id")).isEqualTo("1000000001");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    if (request.getBodySize() > 0) assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    return request;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parsed(String json) throws IOException {
    return (Map<String, Object>) MOSHI.adapter(Object.class).fromJson(json);
  }
}
