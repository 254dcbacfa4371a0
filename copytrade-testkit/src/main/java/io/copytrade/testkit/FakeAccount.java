package io.copytrade.testkit;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.OrderId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One Dhan trading account in the fake: its token, funds and orders, and its holder, who places, modifies
 * and cancels orders through the fake's real REST API as a trader on Dhan's app would.
 */
public final class FakeAccount {
  private static final Duration TOKEN_LIFETIME = Duration.ofHours(24);
  private static final MediaType JSON = MediaType.get("application/json");

  private final FakeDhan dhan;
  private final AccountId id;
  private final FakeOrders orders;
  private volatile String token;
  private volatile Instant tokenExpiry;
  private volatile Money startOfDayLimit = Money.ZERO;

  FakeAccount(FakeDhan dhan, AccountId id) {
    this.dhan = dhan;
    this.id = id;
    this.orders = new FakeOrders(orderId -> dhan.book().order(orderId, BookOrder::view).orElseThrow());
    renewToken();
  }

  public AccountId id() {
    return id;
  }

  /** The current access token (clearly fake; see the JWT payload's "iss"). */
  public String token() {
    return token;
  }

  /** Issues a new token; the old one stops working at once (Dhan allows one active token per user). */
  public String renewToken() {
    Instant now = Instant.now();
    tokenExpiry = now.plus(TOKEN_LIFETIME);
    token = DemoTokens.issue(id, now, tokenExpiry);
    return token;
  }

  /** Sets the start-of-day limit; availabelBalance is this minus the premium of the day's buys. */
  public FakeAccount funds(Money startOfDay) {
    startOfDayLimit = Objects.requireNonNull(startOfDay, "startOfDay");
    return this;
  }

  public Money startOfDayLimit() {
    return startOfDayLimit;
  }

  LocalDateTime tokenExpiry() {
    return LocalDateTime.ofInstant(tokenExpiry, WireTime.IST);
  }

  /** Orders this account received over REST (its own and any a client placed for it). */
  public FakeOrders orders() {
    return orders;
  }

  /** Places an order the way the account holder would: {@code POST /v2/orders} with this account's token. */
  public OrderId places(FakeOrderSpec spec) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("dhanClientId", id.value());
    spec.correlationId().ifPresent(c -> body.put("correlationId", c));
    body.put("transactionType", spec.transactionType());
    body.put("exchangeSegment", spec.instrument().segment().name());
    body.put("productType", spec.productType());
    body.put("orderType", spec.orderType());
    body.put("validity", spec.validity());
    body.put("securityId", spec.instrument().securityId().value());
    body.put("quantity", spec.quantity());
    putPrices(body, spec);
    String answer = send("POST", "orders", body);
    Object orderId = JsonText.read(answer).map(a -> ((Map<?, ?>) a).get("orderId")).orElseThrow();
    return OrderId.of(orderId.toString());
  }

  /** {@code PUT /v2/orders/{id}}: the spec's quantity is the new total quantity, as Dhan's modify takes it. */
  public void modifies(OrderId order, FakeOrderSpec newSpec) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("dhanClientId", id.value());
    body.put("orderId", order.value());
    body.put("orderType", newSpec.orderType());
    body.put("quantity", newSpec.quantity());
    putPrices(body, newSpec);
    body.put("validity", newSpec.validity());
    send("PUT", "orders/" + order.value(), body);
  }

  /** {@code DELETE /v2/orders/{id}}. */
  public void cancels(OrderId order) {
    send("DELETE", "orders/" + order.value(), null);
  }

  /** Every order of this account, oldest first, as it stands now. */
  public List<FakeOrder> orderBook() {
    return dhan.book().orders(id, BookOrder::view);
  }

  public List<FakePosition> positions() {
    return dhan.book().positions(id, PositionTally::view);
  }

  /** Resets this account's order-update sockets without a Close frame. */
  public void dropOrderSocket() {
    dhan.orderSockets().drop(id);
  }

  /**
   * Loses this account's next {@code count} order-update frames while its sockets stay open, as Dhan might (the
   * API reference does not say): a client learns of those events only from the order book.
   */
  public void losesOrderFrames(int count) {
    if (count < 1) throw new IllegalArgumentException("frames to lose must be >= 1, was " + count);
    dhan.orderSockets().lose(id, count);
  }

  /** How many clients' logins the order-update socket has taken for this account: they hear its events. */
  public int orderSocketsListening() {
    return dhan.orderSockets().sessionCount(id);
  }

  /** Waits until a client has logged in on this account's order-update socket; fails after {@code timeout}. */
  public void awaitOrderSocket(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (orderSocketsListening() == 0) {
      if (System.nanoTime() > deadline) throw new AssertionError("no order socket of " + id + " in " + timeout);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  private static void putPrices(Map<String, Object> body, FakeOrderSpec spec) {
    body.put("price", JsonText.rupees(spec.price().paise()));
    spec.triggerPrice().ifPresent(t -> body.put("triggerPrice", JsonText.rupees(t.paise())));
  }

  /** One call to the fake as this account; a refusal throws with Dhan's answer (which never holds a token). */
  private String send(String method, String path, Map<String, Object> body) {
    Request request = new Request.Builder()
        .url(dhan.restBase().resolve(path).toString())
        .header("access-token", token)
        .header("client-id", id.value())
        .header("Accept", "application/json")
        .method(method, body == null ? null : RequestBody.create(JsonText.write(body), JSON))
        .build();
    try (Response response = dhan.httpClient().newCall(request).execute()) {
      String answer = response.body().string();
      if (!response.isSuccessful()) {
        throw new IllegalStateException(method + " /v2/" + path + " answered " + response.code() + ": " + answer);
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(method + " /v2/" + path + " failed", e);
    }
  }
}
