package io.copytrade.testkit;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dhan's REST API v2 and the instrument files: routes each request, records it, checks its token, applies an
 * armed fault, and answers bare JSON bodies (no envelope) or Dhan's error body.
 */
final class RestApi extends Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(RestApi.class);
  static final String DETAILED_CSV_PATH = "/api-data/api-scrip-master-detailed.csv";

  /** Who may call a route. */
  private enum Access { ANYONE, INSTRUMENT_FILE, ACCOUNT }

  private interface Handler {
    Object handle(ApiCall call);
  }

  private record Route(String method, Pattern path, Access access, Handler handler) {}

  /** A request that reached its handler; {@code caller} is present for every ACCOUNT route. */
  private record ApiCall(Optional<FakeAccount> caller, List<String> params, String body) {
    FakeAccount account() {
      return caller.orElseThrow();
    }

    AccountId id() {
      return account().id();
    }

    RequestFields fields() {
      return RequestFields.parse(body);
    }

    OrderId orderId() {
      try {
        return OrderId.of(params.get(0));
      } catch (IllegalArgumentException e) {
        throw DhanError.input("Invalid order id");
      }
    }
  }

  /** A CSV answer; every other handler result is written as JSON. */
  private record Csv(String text) {}

  private final FakeDhan dhan;
  private final List<Route> routes;

  RestApi(FakeDhan dhan) {
    this.dhan = dhan;
    this.routes = List.of(
        route("GET", DETAILED_CSV_PATH, Access.ANYONE, call -> new Csv(dhan.instruments().detailedCsv())),
        route("GET", "/v2/instrument/([^/]+)", Access.INSTRUMENT_FILE, this::instrumentFile),
        route("POST", "/v2/orders", Access.ACCOUNT, this::place),
        route("POST", "/v2/orders/slicing", Access.ACCOUNT, this::placeSliced),
        route("GET", "/v2/orders", Access.ACCOUNT, call -> dhan.book().orders(call.id(), RestRecords::order)),
        route("GET", "/v2/orders/external/([^/]+)", Access.ACCOUNT, this::orderByCorrelationId),
        route("GET", "/v2/orders/([^/]+)", Access.ACCOUNT, this::orderById),
        route("PUT", "/v2/orders/([^/]+)", Access.ACCOUNT, this::modify),
        route("DELETE", "/v2/orders/([^/]+)", Access.ACCOUNT, this::cancel),
        route("GET", "/v2/trades/?", Access.ACCOUNT, this::trades),
        route("GET", "/v2/trades/([^/]+)", Access.ACCOUNT, this::tradesOfOrder),
        route("GET", "/v2/positions", Access.ACCOUNT,
            call -> dhan.book().positions(call.id(), RestRecords::position)),
        route("GET", "/v2/fundlimit", Access.ACCOUNT, call -> RestRecords.funds(call.id(),
            call.account().startOfDayLimit(), dhan.book().utilized(call.id()))),
        route("GET", "/v2/profile", Access.ACCOUNT,
            call -> RestRecords.profile(call.id(), call.account().tokenExpiry())),
        route("POST", "/v2/margincalculator", Access.ACCOUNT, this::margin));
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    long arrived = System.nanoTime();
    String method = request.getMethod();
    String path = decodedPath(request.getUrl());
    Optional<FakeAccount> caller =
        Optional.ofNullable(request.getHeaders().get("access-token")).flatMap(dhan::accountByToken);
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    Optional<AccountId> callerId = caller.map(FakeAccount::id);
    dhan.wire().requestReceived(method, path, callerId, arrived);
    dhan.record(new RecordedCall(method, path, lowerCase(request.getHeaders()), body, callerId));
    log.debug("{} {} from {}", method, path, caller.map(a -> a.id().value()).orElse("no known token"));
    sleep(dhan.settings().restLatency().toNanos());
    try {
      return answer(method, path, caller, body);
    } catch (DhanError e) {
      return json(e.httpStatus(), e.body());
    } catch (RuntimeException e) {
      log.warn("{} {} failed inside the fake", method, path, e);
      DhanError internal = DhanError.of(500, "DH-908");
      return json(internal.httpStatus(), internal.body());
    }
  }

  private MockResponse answer(String method, String path, Optional<FakeAccount> caller, String body) {
    for (Route route : routes) {
      Matcher matcher = route.path().matcher(path);
      if (!route.method().equals(method) || !matcher.matches()) continue;
      if (needsToken(route.access()) && caller.isEmpty()) throw authenticationFailure();
      List<String> params = new ArrayList<>();
      for (int i = 1; i <= matcher.groupCount(); i++) params.add(matcher.group(i));
      ApiCall call = new ApiCall(caller, params, body);
      Optional<Faults.Fault> fault = caller.flatMap(a -> dhan.faults().take(a.id(), method, path));
      return fault.isEmpty() ? handle(route, call) : faulted(fault.get(), route, call);
    }
    return gatewayNotFound(path);
  }

  private MockResponse faulted(Faults.Fault fault, Route route, ApiCall call) {
    if (fault instanceof Faults.Fault.Respond respond) {
      DhanError error = DhanError.of(respond.httpStatus(), respond.code(), respond.message());
      return json(error.httpStatus(), error.body());
    }
    if (fault instanceof Faults.Fault.Delay delay) {
      sleep(delay.delay().toNanos());
      return handle(route, call);
    }
    if (fault instanceof Faults.Fault.AnswerLate late) {
      MockResponse answer = handle(route, call);
      sleep(late.delay().toNanos());
      return answer;
    }
    try {
      handle(route, call);
    } catch (DhanError refused) {
      log.debug("dropping after a refusal: {}", refused.getMessage());
    }
    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
  }

  private static MockResponse handle(Route route, ApiCall call) {
    Object result = route.handler().handle(call);
    if (result instanceof Csv csv) {
      return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/csv").body(csv.text()).build();
    }
    return json(200, JsonText.write(result));
  }

  private Object place(ApiCall call) {
    OrderInput input = OrderRequests.place(call.fields(), call.id(), dhan.instruments());
    return RestRecords.placed(placeFor(call.account(), input), OrderStatus.TRANSIT.name());
  }

  /** One order per slice of at most the freeze quantity (rounded down to whole lots). */
  private Object placeSliced(ApiCall call) {
    OrderInput input = OrderRequests.place(call.fields(), call.id(), dhan.instruments());
    InstrumentRow instrument = input.instrument();
    int lot = instrument.lotSize();
    int sliceSize = instrument.freezeQuantity() > 0
        ? Math.max(lot, instrument.freezeQuantity() / lot * lot) : input.quantity();
    List<Object> placed = new ArrayList<>();
    for (int left = input.quantity(); left > 0; left -= sliceSize) {
      OrderId id = placeFor(call.account(), input.withQuantity(Math.min(sliceSize, left)));
      placed.add(RestRecords.placed(id, OrderStatus.TRANSIT.name()));
    }
    return placed;
  }

  private OrderId placeFor(FakeAccount account, OrderInput input) {
    OrderId id = dhan.book().place(account.id(), input);
    account.orders().received(id);
    return id;
  }

  /** Measured: an unknown id answers 200 with an empty array. */
  private Object orderById(ApiCall call) {
    return dhan.book().order(call.id(), call.orderId(), RestRecords::order).<Object>map(o -> o).orElse(List.of());
  }

  private Object orderByCorrelationId(ApiCall call) {
    return dhan.book().byCorrelationId(call.id(), call.params().get(0), RestRecords::order)
        .orElseThrow(DhanError::noSuchCorrelationId);
  }

  private Object modify(ApiCall call) {
    OrderId id = call.orderId();
    OrderStatus status = dhan.book().modify(call.id(), id, OrderRequests.modify(call.fields(), call.id(), id));
    return RestRecords.placed(id, status.name());
  }

  private Object cancel(ApiCall call) {
    dhan.book().cancel(call.id(), call.orderId());
    return RestRecords.placed(call.orderId(), OrderStatus.CANCELLED.name());
  }

  private Object trades(ApiCall call) {
    return dhan.book().fills(call.id()).stream().map(RestRecords::trade).toList();
  }

  private Object tradesOfOrder(ApiCall call) {
    OrderId id = call.orderId();
    List<Map<String, Object>> trades = dhan.book().fills(call.id()).stream()
        .filter(f -> f.orderId().equals(id)).map(RestRecords::trade).toList();
    if (dhan.settings().tradesOfOrder() == FakeSettings.TradesOfOrder.ARRAY || trades.isEmpty()) return trades;
    return trades.get(trades.size() - 1);
  }

  private Object margin(ApiCall call) {
    long premium = OrderRequests.marginPremium(call.fields(), call.id(), dhan.instruments(), dhan.book());
    long available = call.account().startOfDayLimit().paise() - dhan.book().utilized(call.id()).paise();
    return RestRecords.margin(premium, available);
  }

  private Object instrumentFile(ApiCall call) {
    String segment = call.params().get(0);
    try {
      return new Csv(dhan.instruments().detailedCsv(ExchangeSegment.valueOf(segment)));
    } catch (IllegalArgumentException e) {
      throw DhanError.input("Invalid exchangeSegment " + segment);
    }
  }

  private boolean needsToken(Access access) {
    return access == Access.ACCOUNT
        || (access == Access.INSTRUMENT_FILE && dhan.settings().instrumentCsvNeedsToken());
  }

  private DhanError authenticationFailure() {
    return dhan.settings().invalidToken() == FakeSettings.InvalidToken.HTTP_401_DH_901
        ? DhanError.invalidAuthentication() : DhanError.invalidToken();
  }

  /** The API gateway's own answer for a path it does not route, e.g. {@code /v2/forever/all}. */
  private static MockResponse gatewayNotFound(String path) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("timestamp", OffsetDateTime.now(ZoneOffset.UTC).toString());
    body.put("status", 404);
    body.put("error", "Not Found");
    body.put("path", path);
    return json(404, JsonText.write(body));
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body)
        .build();
  }

  private static Route route(String method, String path, Access access, Handler handler) {
    return new Route(method, Pattern.compile(path), access, handler);
  }

  /** "/v2/orders/external/cp 1" for "/v2/orders/external/cp%201"; a trailing slash stays. */
  private static String decodedPath(HttpUrl url) {
    return "/" + String.join("/", url.pathSegments());
  }

  private static Map<String, String> lowerCase(Headers headers) {
    Map<String, String> lower = new LinkedHashMap<>();
    for (String name : headers.names()) {
      lower.put(name.toLowerCase(Locale.ROOT), String.join(",", headers.values(name)));
    }
    return lower;
  }

  private static void sleep(long nanos) {
    if (nanos == 0) return;
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
