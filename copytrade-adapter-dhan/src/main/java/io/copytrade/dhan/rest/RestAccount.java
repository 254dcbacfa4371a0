package io.copytrade.dhan.rest;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import io.copytrade.dhan.wire.WireValueException;
import io.copytrade.dhan.wire.WireValues;
import io.copytrade.ports.broker.AuthenticationException;
import io.copytrade.ports.broker.BrokerAccount;
import io.copytrade.ports.broker.BrokerUnavailableException;
import io.copytrade.ports.broker.Credentials;
import io.copytrade.ports.broker.PlacementResult;
import io.copytrade.ports.broker.RateLimitException;
import io.copytrade.ports.broker.RequestRefusedException;
import io.copytrade.ports.broker.UnexpectedResponseException;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.Funds;
import io.copytrade.ports.model.Margin;
import io.copytrade.ports.model.ModifyRequest;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderRequest;
import io.copytrade.ports.model.Position;
import io.copytrade.ports.model.Profile;
import io.copytrade.ports.model.Trade;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import retrofit2.Call;
import retrofit2.Response;

/**
 * One Dhan account over REST. The token is asked of the credentials on every call, so a rotated token is
 * picked up at once, and it is scrubbed from every message built here.
 */
final class RestAccount implements BrokerAccount {
  private static final int MAX_REASON_CHARS = 200;

  private final DhanApi api;
  private final JsonAdapter<ErrorJson> errors;
  private final Credentials credentials;
  private final ResponseMapper mapper;

  RestAccount(DhanApi api, JsonAdapter<ErrorJson> errors, Credentials credentials) {
    this.api = api;
    this.errors = errors;
    this.credentials = credentials;
    this.mapper = new ResponseMapper(credentials.account());
  }

  @Override
  public AccountId id() {
    return credentials.account();
  }

  @Override
  public PlacementResult place(OrderRequest request) {
    requireOwn(request.account());
    PlaceOrderJson body = RequestMapper.place(request);
    return write("POST orders", headers -> api.place(headers, body));
  }

  @Override
  public PlacementResult modify(ModifyRequest request) {
    requireOwn(request.account());
    ModifyOrderJson body = RequestMapper.modify(request);
    String orderId = request.orderId().value();
    return write("PUT orders/" + orderId, headers -> api.modify(headers, orderId, body));
  }

  @Override
  public PlacementResult cancel(OrderId orderId) {
    return write("DELETE orders/" + orderId, headers -> api.cancel(headers, orderId.value()));
  }

  @Override
  public Optional<BrokerOrder> findByCorrelationId(CorrelationId id) {
    String operation = "GET orders/external/" + id;
    return exchange(operation, CallKind.READ, headers -> api.orderByCorrelationId(headers, id.value()),
        mapper::single, reply -> {
          if (reply.isUnknownCorrelationId()) return Optional.empty();
          throw refused(operation, reply);
        });
  }

  @Override
  public List<BrokerOrder> orderBook() {
    return read("GET orders", api::orders, mapper::orders);
  }

  @Override
  public Optional<BrokerOrder> order(OrderId id) {
    return read("GET orders/" + id, headers -> api.order(headers, id.value()), mapper::single);
  }

  @Override
  public List<Trade> trades() {
    return read("GET trades", api::trades, mapper::trades);
  }

  @Override
  public List<Position> positions() {
    return read("GET positions", api::positions, mapper::positions);
  }

  @Override
  public Funds funds() {
    return read("GET fundlimit", api::fundLimit, mapper::funds);
  }

  @Override
  public Profile profile() {
    return read("GET profile", headers -> api.profile(headers, id().value()), ResponseMapper::profile);
  }

  @Override
  public Margin margin(OrderRequest request) {
    requireOwn(request.account());
    MarginRequestJson body = RequestMapper.margin(request);
    return read("POST margincalculator", headers -> api.margin(headers, body), ResponseMapper::margin);
  }

  private <T, R> R read(String operation, Function<Map<String, String>, Call<T>> call, Function<T, R> decode) {
    return exchange(operation, CallKind.READ, call, decode, reply -> {
      throw refused(operation, reply);
    });
  }

  /**
   * A refusal with a DH code (DH-905 bad input, DH-906 an order error) is Dhan's stated answer about this
   * order; DH-906 "Order is in Transit state" says the order is not ready for the change yet. Without a code
   * we cannot say why, only that it failed.
   */
  private PlacementResult write(String operation, Function<Map<String, String>, Call<OrderAckJson>> call) {
    return exchange(operation, CallKind.WRITE, call, mapper::accepted, reply -> reply.code()
        .<PlacementResult>map(code -> inTransit(code, reply.message())
            ? new PlacementResult.InTransit(code, reply.message())
            : new PlacementResult.Rejected(code, reply.message()))
        .orElseThrow(() -> new UnexpectedResponseException(
            reply.describe(operation) + " (refused without a Dhan error code)", null)));
  }

  private static boolean inTransit(String code, String message) {
    return code.equals("DH-906") && message.toLowerCase(Locale.ROOT).contains("transit");
  }

  private <T, R> R exchange(String operation, CallKind kind, Function<Map<String, String>, Call<T>> call,
      Function<T, R> decode, Function<ErrorReply, R> onRefusal) {
    String token = credentials.tokens().current().reveal();
    Response<T> response = execute(operation, kind, call.apply(headers(token)), token);
    if (!response.isSuccessful()) {
      ErrorReply reply = ErrorReply.of(response, errors, token);
      String message = reply.describe(operation);
      String code = reply.code().orElse(null);
      // Dhan's error codes to port types; the order matters. See ERROR-ACTIONS.md for what each leads to.
      if (reply.isAuthenticationFailure()) throw new AuthenticationException(code, message);
      if (reply.isRateLimited()) throw new RateLimitException(code, message);
      if (reply.isAccountRefusal()) throw new RequestRefusedException(code, message);
      if (reply.isServerFailure()) throw kind.serverFailed(code, message);
      return onRefusal.apply(reply);
    }
    T body = response.body();
    if (body == null) throw kind.unreadable(operation + ": HTTP " + response.code() + " without a body", null);
    try {
      return decode.apply(body);
    } catch (WireValueException | IllegalArgumentException e) {
      throw kind.unreadable(unreadable(operation, e, token), WireValues.cleanCause(e, token));
    }
  }

  /**
   * Only a failure to connect proves nothing was sent. Every other I/O failure of an order write leaves its
   * outcome unknown; OkHttp is built not to retry, so nothing was sent twice either.
   */
  private static <T> Response<T> execute(String operation, CallKind kind, Call<T> call, String token) {
    try {
      return call.execute();
    } catch (ConnectException | UnknownHostException | NoRouteToHostException e) {
      throw new BrokerUnavailableException(null,
          operation + ": cannot connect, nothing was sent: " + describe(e, token), WireValues.cleanCause(e, token));
    } catch (JsonEncodingException | JsonDataException e) {
      throw kind.unreadable(unreadable(operation, e, token), WireValues.cleanCause(e, token));
    } catch (IOException e) {
      throw kind.lost(operation + ": no answer: " + describe(e, token), WireValues.cleanCause(e, token));
    }
  }

  private Map<String, String> headers(String token) {
    return Map.of("access-token", token, "client-id", id().value(), "Accept", "application/json");
  }

  private void requireOwn(AccountId account) {
    if (!account.equals(id())) {
      throw new IllegalArgumentException("request for account " + account + " sent with the credentials of " + id());
    }
  }

  private static RequestRefusedException refused(String operation, ErrorReply reply) {
    return new RequestRefusedException(reply.code().orElse(null), reply.describe(operation));
  }

  private static String unreadable(String operation, Exception e, String token) {
    return operation + ": unreadable response: " + reason(e, token);
  }

  private static String describe(Exception e, String token) {
    return e.getClass().getSimpleName() + ": " + reason(e, token);
  }

  /** Redacted, then cut short: a parser's message may quote megabytes of the body. */
  private static String reason(Exception e, String token) {
    return WireValues.excerpt(WireValues.redact(e.getMessage(), token), MAX_REASON_CHARS);
  }
}
