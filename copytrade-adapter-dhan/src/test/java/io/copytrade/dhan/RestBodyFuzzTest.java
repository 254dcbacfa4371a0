package io.copytrade.dhan;

import static io.copytrade.dhan.Fixtures.TOKEN;
import static io.copytrade.dhan.Fixtures.limitBuy;
import static io.copytrade.dhan.Fixtures.printed;
import static io.copytrade.dhan.Loopback.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.copytrade.dhan.JsonMutator.Mutation;
import io.copytrade.ports.broker.BrokerAccount;
import io.copytrade.ports.broker.BrokerException;
import io.copytrade.ports.broker.BrokerUnavailableException;
import io.copytrade.ports.broker.OutcomeUnknownException;
import io.copytrade.ports.broker.UnexpectedResponseException;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.ModifyRequest;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderType;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Validity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever body Dhan answers a call with, the call ends in its port's answer or in its documented exception:
 * a read in {@link UnexpectedResponseException} (or {@link BrokerUnavailableException} when the body ends
 * early), an order write in {@link OutcomeUnknownException}. Never an untyped exception, never the token, and
 * the message says what was wrong.
 */
@Timeout(30)
class RestBodyFuzzTest {
  private static final int MUTATIONS_PER_SEED = 500;
  /** Operation, reason (cut to 200 characters) and, for writes, the advice to resolve by correlation id. */
  private static final int MAX_MESSAGE_CHARS = 450;
  private static final int TWO_MEGABYTES = 2 * 1024 * 1024;
  private static final List<Class<?>> READ_FAILURES =
      List.of(UnexpectedResponseException.class, BrokerUnavailableException.class);
  private static final List<Class<?>> WRITE_FAILURES = List.of(OutcomeUnknownException.class);
  private static final OrderId ORDER = OrderId.of("1124091136546");

  /** One call the client makes, the sample body it reads, and the exceptions it may end in. */
  record Endpoint(String name, String sample, Function<BrokerAccount, ?> call, List<Class<?>> failures) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final Endpoint ORDER_BOOK = read("GET orders",
      "[" + Samples.ORDER + "," + Samples.REJECTED_ORDER + "]", BrokerAccount::orderBook);
  private static final Endpoint ORDER_BY_ID = read("GET orders/{id}", Samples.ORDER, a -> a.order(ORDER));
  private static final Endpoint BY_CORRELATION_ID = read("GET orders/external/{id}", "[" + Samples.ORDER + "]",
      a -> a.findByCorrelationId(CorrelationId.of("cp-7f3a-0001")));
  private static final Endpoint TRADES = read("GET trades", Samples.TRADES, BrokerAccount::trades);
  private static final Endpoint POSITIONS = read("GET positions", Samples.POSITIONS, BrokerAccount::positions);
  private static final Endpoint FUNDS = read("GET fundlimit", Samples.FUND_LIMIT, BrokerAccount::funds);
  private static final Endpoint PROFILE = read("GET profile", Samples.PROFILE, BrokerAccount::profile);
  private static final Endpoint MARGIN = read("POST margincalculator", Samples.MARGIN, a -> a.margin(limitBuy()));
  private static final Endpoint PLACE =
      new Endpoint("POST orders", Samples.PLACED, a -> a.place(limitBuy()), WRITE_FAILURES);
  private static final Endpoint MODIFY = new Endpoint("PUT orders/{id}", Samples.PLACED, a -> a.modify(
      new ModifyRequest(Fixtures.ACCOUNT, ORDER, OrderType.MARKET, Validity.DAY, Quantity.of(65), Price.ZERO,
          Optional.empty())), WRITE_FAILURES);
  private static final Endpoint CANCEL =
      new Endpoint("DELETE orders/{id}", Samples.PLACED, a -> a.cancel(ORDER), WRITE_FAILURES);

  @RegisterExtension final LoopbackBroker dhan = new LoopbackBroker(Duration.ZERO);

  static Stream<Arguments> seededEndpoints() {
    List<Endpoint> endpoints =
        List.of(ORDER_BOOK, ORDER_BY_ID, BY_CORRELATION_ID, TRADES, POSITIONS, FUNDS, PROFILE, MARGIN, PLACE, MODIFY,
            CANCEL);
    return endpoints.stream().map(e -> Arguments.of(e, 1000L + endpoints.indexOf(e)));
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("seededEndpoints")
  void mutatedBodiesEndInTheDocumentedExceptionsOnly(Endpoint endpoint, long seed) {
    JsonMutator mutator = new JsonMutator(seed);
    String echoing = endpoint.sample().replaceFirst("\\{", "{\"echo\":\"" + TOKEN + "\",");
    List<String> leaks = new ArrayList<>();
    for (int i = 0; i < MUTATIONS_PER_SEED; i++) {
      Mutation m = mutator.next(echoing);
      dhan.server().enqueue(json(200, m.text()));
      Throwable thrown = catchThrowable(() -> endpoint.call().apply(dhan.account()));
      if (thrown != null && !isDocumented(thrown, endpoint)) {
        leaks.add("seed " + seed + " mutation " + i + " (" + m.kinds() + "): " + printed(thrown).lines().limit(3)
            .toList() + " from " + m.text());
      }
    }
    assertThat(leaks).isEmpty();
  }

  /** A hand-written bad answer: what the user should see thrown, and what its message must name. */
  record BadBody(String name, Endpoint endpoint, MockResponse response, Class<?> thrown, String mentions) {
    BadBody(String name, Endpoint endpoint, String body, Class<?> thrown, String mentions) {
      this(name, endpoint, json(200, body), thrown, mentions);
    }

    @Override
    public String toString() {
      return endpoint + ": " + name;
    }
  }

  static Stream<BadBody> badBodies() {
    Class<?> unexpected = UnexpectedResponseException.class;
    Class<?> unknown = OutcomeUnknownException.class;
    String html = "<html><body>502 Bad Gateway " + TOKEN + "</body></html>";
    return Stream.of(
        new BadBody("empty", ORDER_BOOK, "", BrokerUnavailableException.class, "End of input"),
        new BadBody("JSON cut short in a complete answer", ORDER_BOOK, "[" + Samples.ORDER.substring(0, 200),
            unexpected, "Unterminated string"),
        new BadBody("connection cut mid-body", ORDER_BOOK, new MockResponse.Builder().body("[" + Samples.ORDER + "]")
            .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build(), BrokerUnavailableException.class,
            "no answer"),
        new BadBody("JSON null", FUNDS, "null", unexpected, "without a body"),
        new BadBody("HTML page", ORDER_BOOK, html, unexpected, "unreadable response"),
        new BadBody("HTML page of 2 MB", TRADES, html + " ".repeat(TWO_MEGABYTES), unexpected, "unreadable response"),
        new BadBody("an object for a list", ORDER_BOOK, Samples.ORDER, unexpected, "BEGIN_ARRAY"),
        new BadBody("a list for an object", FUNDS, "[" + Samples.FUND_LIMIT + "]", unexpected, "BEGIN_OBJECT"),
        new BadBody("a null order in the book", ORDER_BOOK, "[null]", unexpected, "order"),
        new BadBody("a null order in a lookup", ORDER_BY_ID, "[null]", unexpected, "order"),
        new BadBody("a null trade", TRADES, "[null]", unexpected, "trade"),
        new BadBody("a null position", POSITIONS, "[null]", unexpected, "position"),
        new BadBody("quantity negative", ORDER_BOOK, "[" + order("\"quantity\":65", "\"quantity\":-65") + "]",
            unexpected, "quantity"),
        new BadBody("filledQty negative", ORDER_BY_ID, order("\"filledQty\":65", "\"filledQty\":-1"), unexpected,
            "filledQty"),
        new BadBody("filled more than ordered", ORDER_BY_ID, order("\"filledQty\":65", "\"filledQty\":130"),
            unexpected, "filledQty 130 exceeds quantity 65"),
        new BadBody("orderId of 2 MB", ORDER_BY_ID, order("1124091136546", "7".repeat(TWO_MEGABYTES)), unexpected,
            "orderId"),
        new BadBody("quantity of 1e30", ORDER_BY_ID, order("\"quantity\":65", "\"quantity\":1e30"), unexpected,
            "quantity"),
        new BadBody("price 1E+999999999", ORDER_BY_ID, order("\"price\":112.5", "\"price\":1E+999999999"), unexpected,
            "price"),
        new BadBody("price 1E-999999999", ORDER_BY_ID, order("\"price\":112.5", "\"price\":1E-999999999"), unexpected,
            "price"),
        new BadBody("price of 2 MB of digits", ORDER_BY_ID, order("\"price\":112.5", "\"price\":"
            + "1".repeat(TWO_MEGABYTES)), unexpected, "price"),
        new BadBody("two orders answer one id", ORDER_BY_ID, "[" + Samples.ORDER + "," + Samples.ORDER + "]",
            unexpected, "order count"),
        new BadBody("unknown segment", TRADES, Samples.TRADES.replace("NSE_FNO", "NSE_XYZ"), unexpected,
            "exchangeSegment has unexpected value 'NSE_XYZ'"),
        new BadBody("impossible exchangeTime", TRADES, Samples.TRADES.replace("\"exchangeTime\":\"2026-11-24 10:15:03\"",
            "\"exchangeTime\":\"2026-02-30 25:00:00\""), unexpected, "exchangeTime"),
        new BadBody("netQty of 1e30", POSITIONS, Samples.POSITIONS.replace("\"netQty\":130", "\"netQty\":1e30"),
            unexpected, "netQty"),
        new BadBody("no carry-forward sells", POSITIONS, Samples.POSITIONS.replace("\"carryForwardSellQty\":130,", ""),
            unexpected, "carryForwardSellQty is missing"),
        new BadBody("profit beyond paise", POSITIONS, Samples.POSITIONS.replace("-3.2500000001", "1E+40"),
            unexpected, "unrealizedProfit"),
        new BadBody("balance -1E+999999999", FUNDS, Samples.FUND_LIMIT.replace("98440.0", "-1E+999999999"),
            unexpected, "availabelBalance cannot be read from '-1E+999999999'"),
        new BadBody("balance a word", FUNDS, Samples.FUND_LIMIT.replace("98440.0", "\"plenty\""), unexpected,
            "availabelBalance"),
        new BadBody("client id not an id", PROFILE, Samples.PROFILE.replace("\"1000000001\"", "\"10 00!\""), unexpected,
            "dhanClientId"),
        new BadBody("margin an array", MARGIN, "[]", unexpected, "BEGIN_OBJECT"),
        new BadBody("empty", PLACE, "", unknown, "may have taken effect"),
        new BadBody("HTML page", CANCEL, html, unknown, "may have taken effect"),
        new BadBody("orderId of 2 MB", PLACE, "{\"orderId\":\"" + "7".repeat(TWO_MEGABYTES)
            + "\",\"orderStatus\":\"TRANSIT\"}", unknown, "orderId"),
        new BadBody("orderStatus a number", MODIFY, "{\"orderId\":\"1\",\"orderStatus\":42}", unknown, "orderStatus"),
        new BadBody("an empty object", PLACE, "{}", unknown, "orderId is missing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void eachBadBodyEndsInItsDocumentedExceptionNamingTheProblem(BadBody bad) {
    dhan.server().enqueue(bad.response());

    Throwable thrown = catchThrowable(() -> bad.endpoint().call().apply(dhan.account()));

    assertThat(thrown).isInstanceOf(bad.thrown()).hasMessageContaining(bad.mentions())
        .hasMessageStartingWith(bad.endpoint().name().replaceAll("\\{id}.*", ""));
    assertThat(thrown.getMessage()).hasSizeLessThanOrEqualTo(MAX_MESSAGE_CHARS);
    assertThat(printed(thrown)).doesNotContain(TOKEN);
  }

  private static boolean isDocumented(Throwable thrown, Endpoint endpoint) {
    return thrown instanceof BrokerException
        && endpoint.failures().contains(thrown.getClass())
        && thrown.getMessage().length() <= MAX_MESSAGE_CHARS
        && !printed(thrown).contains(TOKEN);
  }

  private static Endpoint read(String name, String sample, Function<BrokerAccount, ?> call) {
    return new Endpoint(name, sample, call, READ_FAILURES);
  }

  private static String order(String piece, String replacement) {
    assertThat(Samples.ORDER).contains(piece);
    return Samples.ORDER.replace(piece, replacement);
  }
}
