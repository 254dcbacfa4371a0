package io.copytrade.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Scripted faults: each hits one request of one account, once. */
class FaultsTest extends OneAccountTest {
  private static final String CLIENT = "1000000002";

  @Override
  String client() {
    return CLIENT;
  }

  @Test
  void rateLimitAnswers429WithDh904PlacesNothingAndIsUsedOnce() {
    dhan.faults().nextPlace(account.id()).respond(429, "DH-904");

    DhanHttp.Answer limited = http.post("orders", OrderBodies.limitBuyJson(CLIENT));

    limited.assertError(429, "Rate_Limit", "DH-904");
    assertThat(limited.object()).containsEntry("errorMessage",
        "Too many requests on server from single user breaching rate limits. Try throttling API calls.");
    assertThat(account.orderBook()).isEmpty();
    assertThat(http.post("orders", OrderBodies.limitBuyJson(CLIENT)).code()).isEqualTo(200);
  }

  @Test
  void serverErrorAnswers500() {
    dhan.faults().nextCall(account.id(), "GET", "positions").serverError();

    http.get("positions").assertError(500, "Internal_Server_Error", "DH-908");
    assertThat(http.get("positions").code()).isEqualTo(200);
  }

  @Test
  void respondCanCarryDhansOwnWording() {
    dhan.faults().nextPlace(account.id()).respond(400, "DH-905", "Invalid IP");

    DhanHttp.Answer refused = http.post("orders", OrderBodies.limitBuyJson(CLIENT));

    refused.assertError(400, "Input_Exception", "DH-905");
    assertThat(refused.object()).containsEntry("errorMessage", "Invalid IP");
  }

  @Test
  void delayHoldsTheAnswerThenHandlesTheRequest() {
    dhan.faults().nextPlace(account.id()).delay(Duration.ofMillis(300));

    long start = System.nanoTime();
    DhanHttp.Answer placed = http.post("orders", OrderBodies.limitBuyJson(CLIENT));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(placed.code()).isEqualTo(200);
    assertThat(account.orderBook()).hasSize(1);
  }

  @Test
  void answerLatePlacesTheOrderBeforeAnswering() throws Exception {
    dhan.faults().nextPlace(account.id()).answerLate(Duration.ofSeconds(2));

    CompletableFuture<DhanHttp.Answer> answer =
        CompletableFuture.supplyAsync(() -> http.post("orders", OrderBodies.limitBuyJson(CLIENT)));
    FakeOrder placed = account.orders().awaitNext(Duration.ofSeconds(1));

    assertThat(answer).isNotDone();
    // By id: the order may have left TRANSIT since it was placed.
    assertThat(account.orderBook()).extracting(FakeOrder::orderId).containsExactly(placed.orderId());
    assertThat(answer.get(5, TimeUnit.SECONDS).code()).isEqualTo(200);
  }

  @Test
  void dropAfterAcceptPlacesTheOrderButNeverAnswers() {
    dhan.faults().nextPlace(account.id()).dropAfterAccept();

    assertThatThrownBy(() -> http.post("orders", OrderBodies.limitBuyJson(CLIENT)))
        .isInstanceOf(UncheckedIOException.class);

    FakeOrder placed = account.orders().awaitNext(Duration.ofSeconds(1));
    assertThat(placed.correlationId()).isEqualTo("cp-7f3a-0001");
    assertThat(account.orderBook()).extracting(FakeOrder::orderId).containsExactly(placed.orderId());
    account.orders().assertNoMore();
  }

  @Test
  void faultsBelongToOneAccountAndHitInTheOrderArmed() {
    FakeAccount leader = dhan.account("1000000001");
    dhan.faults().nextPlace(account.id()).respond(429, "DH-904");
    dhan.faults().nextPlace(account.id()).respond(400, "DH-905");

    assertThat(DhanHttp.as(dhan.fake(), leader).post("orders", OrderBodies.limitBuyJson("1000000001")).code())
        .isEqualTo(200);
    assertThat(http.post("orders", OrderBodies.limitBuyJson(CLIENT)).code()).isEqualTo(429);
    http.post("orders", OrderBodies.limitBuyJson(CLIENT)).assertError(400, "Input_Exception", "DH-905");
    assertThat(http.post("orders", OrderBodies.limitBuyJson(CLIENT)).code()).isEqualTo(200);
  }

  @Test
  void unusedCountsTheFaultsNoRequestHasHitYet() {
    dhan.faults().nextPlace(account.id()).respond(429, "DH-904");
    dhan.faults().nextCall(account.id(), "GET", "positions").serverError();
    assertThat(dhan.faults().unused()).isEqualTo(2);

    http.post("orders", OrderBodies.limitBuyJson(CLIENT));
    assertThat(dhan.faults().unused()).isEqualTo(1);

    dhan.faults().clear();
    assertThat(dhan.faults().unused()).isZero();
  }
}
