package io.copytrade.app.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copytrade.dhan.DhanBroker;
import io.copytrade.dhan.DhanEndpoints;
import io.copytrade.ports.broker.AccessToken;
import io.copytrade.ports.broker.AuthenticationException;
import io.copytrade.ports.broker.BrokerAccount;
import io.copytrade.ports.broker.BrokerUnavailableException;
import io.copytrade.ports.broker.Credentials;
import io.copytrade.ports.broker.OutcomeUnknownException;
import io.copytrade.ports.broker.PlacementResult;
import io.copytrade.ports.broker.RateLimitException;
import io.copytrade.ports.broker.TokenSource;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.OrderRequest;
import io.copytrade.ports.model.OrderType;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.model.Validity;
import io.copytrade.testkit.FakeAccount;
import io.copytrade.testkit.FakeDhanExtension;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The policies against FakeDhan's scripted faults, over real loopback HTTP. */
class ResilientAccountTest {
  @RegisterExtension static final FakeDhanExtension dhan = new FakeDhanExtension();
  private static final InstrumentKey NIFTY_CE = InstrumentKey.of(ExchangeSegment.NSE_FNO, "35191");
  private static final ResilienceSettings FAST =
      ResilienceSettings.standard().withDelays(Duration.ofMillis(5), Duration.ofMillis(20));

  private FakeAccount holder;
  private DhanBroker dhanBroker;

  @BeforeEach
  void setUp() {
    dhan.instruments().option(NIFTY_CE, "NIFTY", "NIFTY-Dec2026-27650-CE", 65, Price.ofPaise(5),
        LocalDate.of(2026, 12, 29), Price.ofRupees("27650"), "CE", 1800);
    dhan.market().price(NIFTY_CE, Price.ofRupees("113.00"));
    holder = dhan.account("1000000002").funds(Money.ofRupees("250000"));
    dhanBroker = new DhanBroker(new DhanEndpoints(dhan.restBase(), dhan.orderUpdateSocket(),
        dhan.instrumentMaster()), Duration.ofSeconds(2));
  }

  @AfterEach
  void tearDown() {
    dhanBroker.close();
  }

  private BrokerAccount account(ResilienceSettings settings) {
    return new ResilientBroker(dhanBroker, settings).account(
        new Credentials(holder.id(), TokenSource.fixed(new AccessToken(holder.token()))));
  }

  private OrderRequest order(String step) {
    return new OrderRequest(holder.id(), CorrelationId.of("ct-" + step), Side.BUY, NIFTY_CE,
        ProductType.MARGIN, OrderType.LIMIT, Validity.DAY, new Quantity(65), Price.ofRupees("112.50"),
        Optional.empty());
  }

  private long calls(String method, String path) {
    return dhan.requests().stream().filter(c -> c.method().equals(method) && c.path().equals(path)).count();
  }

  @Test
  void aReadThatFailedOnTheServerIsAskedAgain() {
    dhan.faults().nextCall(holder.id(), "GET", "/v2/fundlimit").serverError();

    assertThat(account(FAST).funds().startOfDayLimit()).isEqualTo(Money.ofRupees("250000"));
    assertThat(calls("GET", "/v2/fundlimit")).isEqualTo(2);
  }

  @Test
  void aThrottledPlacementIsSentAgainAndPlacedOnce() {
    dhan.faults().nextPlace(holder.id()).respond(429, "DH-904");

    PlacementResult result = account(FAST).place(order("a"));

    assertThat(result).isInstanceOf(PlacementResult.Accepted.class);
    assertThat(calls("POST", "/v2/orders")).isEqualTo(2);
    assertThat(holder.orders().all()).hasSize(1);
  }

  @Test
  void aPlacementWhoseAnswerWasLostIsNeverSentAgain() {
    dhan.faults().nextPlace(holder.id()).dropAfterAccept();

    assertThatThrownBy(() -> account(FAST).place(order("b"))).isInstanceOf(OutcomeUnknownException.class);
    assertThat(calls("POST", "/v2/orders")).isEqualTo(1);
    assertThat(holder.orderBook()).hasSize(1);
  }

  @Test
  void aServerErrorOnPlacementIsNeverSentAgain() {
    dhan.faults().nextPlace(holder.id()).serverError();

    assertThatThrownBy(() -> account(FAST).place(order("c"))).isInstanceOf(OutcomeUnknownException.class);
    assertThat(calls("POST", "/v2/orders")).isEqualTo(1);
  }

  @Test
  void fiveFailuresOpenTheCircuitAndTheNextCallSendsNothing() {
    BrokerAccount account = account(FAST);
    for (int i = 0; i < 5; i++) {
      dhan.faults().nextPlace(holder.id()).serverError();
      String step = "f" + i;
      assertThatThrownBy(() -> account.place(order(step))).isInstanceOf(OutcomeUnknownException.class);
    }

    assertThatThrownBy(() -> account.place(order("f5")))
        .isInstanceOf(BrokerUnavailableException.class)
        .hasMessageContaining("circuit open for account 1000000002");
    assertThat(calls("POST", "/v2/orders")).isEqualTo(5);
  }

  @Test
  void orderCallsBeyondTheClientSideLimitAreRefusedUnsent() {
    BrokerAccount account = account(FAST.withOrderLimits(
        List.of(new RateLimit(3, Duration.ofMinutes(1))), Duration.ZERO));
    for (String step : List.of("r1", "r2", "r3")) account.place(order(step));

    assertThatThrownBy(() -> account.place(order("r4")))
        .isInstanceOf(RateLimitException.class)
        .hasMessageContaining("client-side rate limit");
    assertThat(calls("POST", "/v2/orders")).isEqualTo(3);
  }

  @Test
  void anAuthFailureAfterTheTokenRotatedIsTriedOnceMoreWithTheNewToken() {
    String old = holder.token();
    String renewed = holder.renewToken();
    Deque<String> script = new ArrayDeque<>(List.of(old, old)); // the call starts with the old token
    TokenSource rotating = () -> new AccessToken(script.isEmpty() ? renewed : script.poll());
    BrokerAccount account = new ResilientBroker(dhanBroker, FAST).account(new Credentials(holder.id(), rotating));

    assertThat(account.funds().startOfDayLimit()).isEqualTo(Money.ofRupees("250000"));
    assertThat(dhan.requests()).filteredOn(c -> c.path().equals("/v2/fundlimit"))
        .extracting(c -> c.headers().get("access-token")).containsExactly(old, renewed);
  }

  @Test
  void anAuthFailureWithAnUnchangedTokenIsNotRetried() {
    String old = holder.token();
    holder.renewToken();
    BrokerAccount account = new ResilientBroker(dhanBroker, FAST).account(
        new Credentials(holder.id(), TokenSource.fixed(new AccessToken(old))));

    assertThatThrownBy(account::funds).isInstanceOf(AuthenticationException.class)
        .hasMessageNotContaining(old);
    assertThat(calls("GET", "/v2/fundlimit")).isEqualTo(1);
  }

  @Test
  void eachAccountHasItsOwnCircuit() {
    FakeAccount other = dhan.account("1000000003").funds(Money.ofRupees("100000"));
    ResilientBroker broker = new ResilientBroker(dhanBroker, FAST);
    BrokerAccount failing = broker.account(
        new Credentials(holder.id(), TokenSource.fixed(new AccessToken(holder.token()))));
    for (int i = 0; i < 5; i++) {
      dhan.faults().nextPlace(holder.id()).serverError();
      String step = "g" + i;
      assertThatThrownBy(() -> failing.place(order(step))).isInstanceOf(OutcomeUnknownException.class);
    }

    BrokerAccount healthy = broker.account(
        new Credentials(other.id(), TokenSource.fixed(new AccessToken(other.token()))));
    assertThat(healthy.funds().startOfDayLimit()).isEqualTo(Money.ofRupees("100000"));
  }
}
