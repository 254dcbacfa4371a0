package io.copytrade.dhan;

import static io.copytrade.dhan.Fixtures.TOKEN;
import static io.copytrade.dhan.Fixtures.limitBuy;
import static io.copytrade.dhan.Fixtures.printed;
import static io.copytrade.dhan.Loopback.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.copytrade.ports.broker.AuthenticationException;
import io.copytrade.ports.broker.BrokerAccount;
import io.copytrade.ports.broker.BrokerException;
import io.copytrade.ports.broker.BrokerUnavailableException;
import io.copytrade.ports.broker.OutcomeUnknownException;
import io.copytrade.ports.broker.PlacementResult;
import io.copytrade.ports.broker.RateLimitException;
import io.copytrade.ports.broker.RequestRefusedException;
import java.time.Duration;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every DH code of the reference (and DH-911 of third-party notes), with the HTTP status it is measured with
 * and, where that is UNCONFIRMED, with others too: what an order write and a read each turn it into. The code
 * decides, not the status, wherever the reference does not pin the status down.
 */
class DhanErrorCodesTest {
  private static final String REJECTED = "Rejected";
  private static final String IN_TRANSIT = "InTransit";

  @RegisterExtension final LoopbackBroker dhan = new LoopbackBroker(Duration.ofMillis(500));
  private MockWebServer server;
  private BrokerAccount account;

  @BeforeEach
  void bind() {
    server = dhan.server();
    account = dhan.account();
  }

  /** One answer of Dhan's and what a placement and a read make of it (a port exception, or "Rejected"). */
  record Answer(String code, int status, String message, Object onWrite, Class<? extends BrokerException> onRead) {
    @Override
    public String toString() {
      return status + " " + code + " \"" + message + "\"";
    }
  }

  static Stream<Answer> answers() {
    return Stream.of(
        new Answer("DH-901", 401, "Client ID or user generated access token is invalid or expired.",
            AuthenticationException.class, AuthenticationException.class),
        new Answer("DH-901", 400, "Client ID or user generated access token is invalid or expired.",
            AuthenticationException.class, AuthenticationException.class),
        new Answer("DH-902", 400, "User has not subscribed to Data APIs or does not have access to Trading APIs.",
            RequestRefusedException.class, RequestRefusedException.class),
        new Answer("DH-902", 403, "User has not subscribed to Data APIs or does not have access to Trading APIs.",
            RequestRefusedException.class, RequestRefusedException.class),
        new Answer("DH-903", 400, "Errors related to User's Account.", RequestRefusedException.class,
            RequestRefusedException.class),
        new Answer("DH-903", 500, "Errors related to User's Account.", RequestRefusedException.class,
            RequestRefusedException.class),
        new Answer("DH-904", 429, "Too many requests on server from single user breaching rate limits.",
            RateLimitException.class, RateLimitException.class),
        new Answer("DH-905", 400, "Missing required fields, bad values for parameters etc.", REJECTED,
            RequestRefusedException.class),
        new Answer("DH-905", 400, "Invalid IP", RequestRefusedException.class, RequestRefusedException.class),
        new Answer("DH-906", 400, "Incorrect request for order and cannot be processed.", REJECTED,
            RequestRefusedException.class),
        new Answer("DH-906", 400, "Invalid Token", AuthenticationException.class, AuthenticationException.class),
        new Answer("DH-906", 400, "Order is in Transit state", IN_TRANSIT, RequestRefusedException.class),
        new Answer("DH-907", 400, "System is unable to fetch data.", OutcomeUnknownException.class,
            BrokerUnavailableException.class),
        new Answer("DH-907", 500, "System is unable to fetch data.", OutcomeUnknownException.class,
            BrokerUnavailableException.class),
        new Answer("DH-908", 500, "Server was not able to process API request.", OutcomeUnknownException.class,
            BrokerUnavailableException.class),
        new Answer("DH-909", 400, "Network error where the API was unable to reach the backend.",
            OutcomeUnknownException.class, BrokerUnavailableException.class),
        new Answer("DH-909", 503, "Network error where the API was unable to reach the backend.",
            OutcomeUnknownException.class, BrokerUnavailableException.class),
        new Answer("DH-910", 400, "Error originating from other reasons.", OutcomeUnknownException.class,
            BrokerUnavailableException.class),
        new Answer("DH-910", 500, "Error originating from other reasons.", OutcomeUnknownException.class,
            BrokerUnavailableException.class),
        new Answer("DH-911", 400, "Invalid IP", RequestRefusedException.class, RequestRefusedException.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void anOrderWriteAnsweredWithTheCodeBecomesItsPortType(Answer answer) {
    server.enqueue(json(answer.status(), Samples.error("Some_Type", answer.code(), answer.message() + " " + TOKEN)));

    Object outcome;
    try {
      outcome = account.place(limitBuy());
    } catch (BrokerException e) {
      outcome = e;
    }

    if (answer.onWrite().equals(IN_TRANSIT)) {
      assertThat(outcome).isInstanceOf(PlacementResult.InTransit.class);
      PlacementResult.InTransit inTransit = (PlacementResult.InTransit) outcome;
      assertThat(inTransit.code()).isEqualTo(answer.code());
      assertThat(inTransit.reason()).startsWith(answer.message()).doesNotContain(TOKEN);
    } else if (answer.onWrite().equals(REJECTED)) {
      assertThat(outcome).isInstanceOf(PlacementResult.Rejected.class);
      PlacementResult.Rejected rejected = (PlacementResult.Rejected) outcome;
      assertThat(rejected.code()).isEqualTo(answer.code());
      assertThat(rejected.reason()).startsWith(answer.message()).doesNotContain(TOKEN);
    } else {
      assertThat(outcome).isInstanceOf((Class<?>) answer.onWrite());
      BrokerException failure = (BrokerException) outcome;
      assertThat(failure.getMessage()).contains(answer.code()).contains(answer.message());
      assertThat(printed(failure)).doesNotContain(TOKEN);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void aReadAnsweredWithTheCodeBecomesItsPortType(Answer answer) {
    server.enqueue(json(answer.status(), Samples.error("Some_Type", answer.code(), answer.message() + " " + TOKEN)));

    Throwable thrown = catchThrowable(account::orderBook);

    assertThat(thrown).isInstanceOf(answer.onRead()).hasMessageContaining(answer.code());
    assertThat(printed(thrown)).doesNotContain(TOKEN);
  }
}
