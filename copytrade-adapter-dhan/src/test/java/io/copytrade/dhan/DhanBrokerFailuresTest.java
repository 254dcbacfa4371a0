package io.copytrade.dhan;

import static io.copytrade.dhan.Fixtures.TOKEN;
import static io.copytrade.dhan.Fixtures.limitBuy;
import static io.copytrade.dhan.Fixtures.printed;
import static io.copytrade.dhan.Loopback.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.copytrade.ports.broker.AuthenticationException;
import io.copytrade.ports.broker.BrokerAccount;
import io.copytrade.ports.broker.BrokerUnavailableException;
import io.copytrade.ports.broker.OutcomeUnknownException;
import io.copytrade.ports.broker.PlacementResult;
import io.copytrade.ports.broker.RateLimitException;
import io.copytrade.ports.broker.RequestRefusedException;
import io.copytrade.ports.broker.UnexpectedResponseException;
import io.copytrade.ports.model.ModifyRequest;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderType;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Validity;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a call can fail becomes its port type, and no message, cause or suppressed exception carries the
 * token, even when the server echoes it back.
 */
class DhanBrokerFailuresTest {
  private static final OrderId ORDER = OrderId.of("1124091136546");

  @RegisterExtension final LoopbackBroker dhan = new LoopbackBroker(Duration.ofMillis(500));
  private MockWebServer server;
  private BrokerAccount account;

  @BeforeEach
  void bind() {
    server = dhan.server();
    account = dhan.account();
  }

  record Failure(String name, MockResponse response, Function<BrokerAccount, ?> call,
      Class<? extends RuntimeException> thrown, String mentions) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Failure> failures() {
    Function<BrokerAccount, ?> place = a -> a.place(limitBuy());
    Function<BrokerAccount, ?> funds = BrokerAccount::funds;
    Function<BrokerAccount, ?> orderBook = BrokerAccount::orderBook;
    return Stream.of(
        new Failure("401 DH-901", json(401, Samples.error("Invalid_Authentication", "DH-901",
            "Client ID or user generated access token is invalid or expired. " + TOKEN)), place,
            AuthenticationException.class, "DH-901"),
        new Failure("400 DH-906 Invalid Token on a read", json(400, Samples.error("Order_Error", "DH-906",
            "Invalid Token " + TOKEN)), funds, AuthenticationException.class, "Invalid Token"),
        new Failure("400 DH-906 Invalid Token on a write", json(400, Samples.error("Order_Error", "DH-906",
            "Invalid Token")), place, AuthenticationException.class, "DH-906"),
        new Failure("429 DH-904", json(429, Samples.error("Rate_Limit", "DH-904",
            "Too many requests on server from single user breaching rate limits. Try throttling API calls.")),
            place, RateLimitException.class, "DH-904"),
        new Failure("429 without a body", new MockResponse.Builder().code(429).build(), orderBook,
            RateLimitException.class, "HTTP 429"),
        new Failure("400 DH-905 on a read", json(400, Samples.error("Input_Exception", "DH-905",
            "Missing required fields " + TOKEN)), orderBook, RequestRefusedException.class, "DH-905"),
        new Failure("gateway 404 on a write", json(404, "{\"timestamp\":1732423502000,\"status\":404,"
            + "\"error\":\"Not Found\",\"path\":\"/v2/orders?" + TOKEN + "\"}"), place,
            UnexpectedResponseException.class, "HTTP 404"),
        new Failure("500 on a read", json(500, Samples.error("HOLDING_ERROR", "DH-1111", "No holdings " + TOKEN)),
            funds, BrokerUnavailableException.class, "DH-1111"),
        new Failure("500 on a write", json(500, Samples.error("Internal", "DH-908", "Internal server error")),
            place, OutcomeUnknownException.class, "DH-908"),
        new Failure("502 html on a write", new MockResponse.Builder().code(502)
            .body("<html>bad gateway " + TOKEN + "</html>").build(), a -> a.cancel(ORDER),
            OutcomeUnknownException.class, "HTTP 502"),
        new Failure("malformed JSON on a read", json(200, "[{\"orderId\":\"" + TOKEN + "\" \"x\"}]"), orderBook,
            UnexpectedResponseException.class, "unreadable"),
        new Failure("unknown status on a read", json(200, "[" + Samples.ORDER.replace("TRADED", "MODIFIED") + "]"),
            orderBook, UnexpectedResponseException.class, "orderStatus has unexpected value 'MODIFIED'"),
        new Failure("token where a quantity belongs", json(200, "[" + Samples.ORDER.replace("\"quantity\":65",
            "\"quantity\":\"" + TOKEN + "\"") + "]"), orderBook, UnexpectedResponseException.class, "quantity"),
        new Failure("misspelling corrected", json(200, Samples.FUND_LIMIT.replace("availabel", "available")),
            funds, UnexpectedResponseException.class, "availabelBalance is missing"),
        new Failure("unknown status on a write", json(200, "{\"orderId\":\"1\",\"orderStatus\":\"" + TOKEN + "\"}"),
            place, OutcomeUnknownException.class, "orderStatus"),
        new Failure("malformed JSON on a write", json(200, "{\"orderId\":}"), place,
            OutcomeUnknownException.class, "may have taken effect"),
        new Failure("timeout on a write", new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE)
            .build(), place, OutcomeUnknownException.class, "timeout"),
        new Failure("timeout on a read", new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE)
            .build(), funds, BrokerUnavailableException.class, "timeout"),
        new Failure("connection reset on a write", new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build(), a -> a.modify(new ModifyRequest(
                Fixtures.ACCOUNT, ORDER, OrderType.MARKET, Validity.DAY, Quantity.of(65), Price.ZERO, Optional.empty())),
            OutcomeUnknownException.class, "no answer"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void mapsTheFailureToItsPortTypeWithoutTheToken(Failure failure) {
    server.enqueue(failure.response());

    Throwable thrown = catchThrowable(() -> failure.call().apply(account));

    assertThat(thrown).isInstanceOf(failure.thrown()).hasMessageContaining(failure.mentions());
    assertThat(printed(thrown)).doesNotContain(TOKEN);
  }

  @Test
  void refusedOrderWritesAreRejectionsWithDhansCodeAndReason() {
    server.enqueue(json(400, Samples.error("Input_Exception", "DH-905", "quantity is required " + TOKEN)));
    server.enqueue(json(400, Samples.error("Order_Error", "DH-906", "Order is in Transit state")));

    PlacementResult placed = account.place(limitBuy());
    PlacementResult cancelled = account.cancel(ORDER);

    assertThat(placed).isEqualTo(new PlacementResult.Rejected("DH-905", "quantity is required [redacted]"));
    assertThat(cancelled).isEqualTo(new PlacementResult.InTransit("DH-906", "Order is in Transit state"));
  }

  @Test
  void refusedConnectionsMeanNothingWasSent() {
    server.close(); // the port now refuses connections

    Throwable write = catchThrowable(() -> account.place(limitBuy()));
    Throwable read = catchThrowable(account::positions);

    assertThat(write).isInstanceOf(BrokerUnavailableException.class).hasMessageContaining("nothing was sent");
    assertThat(read).isInstanceOf(BrokerUnavailableException.class);
    assertThat(printed(write) + printed(read)).doesNotContain(TOKEN);
  }
}
