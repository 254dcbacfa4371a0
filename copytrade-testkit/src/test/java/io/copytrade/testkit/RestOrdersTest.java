package io.copytrade.testkit;

import static io.copytrade.testkit.FakeInstruments.NIFTY_27650_CE;
import static org.assertj.core.api.Assertions.assertThat;

import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.Price;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Order, trade, position, fund, profile and margin endpoints against the reference's shapes. */
class RestOrdersTest extends OneAccountTest {
  private static final String CLIENT = "1000000001";

  @Override
  String client() {
    return CLIENT;
  }

  @Test
  void placeAnswersTransitThenTheOrderRestsAndFillsWhenThePriceCrossesIt() {
    DhanHttp.Answer placed = http.post("orders", OrderBodies.limitBuyJson(CLIENT));

    assertThat(placed.code()).isEqualTo(200);
    assertThat(placed.contentType()).startsWith("application/json");
    assertThat(placed.object()).containsOnlyKeys("orderId", "orderStatus").containsEntry("orderStatus", "TRANSIT");
    String id = (String) placed.object().get("orderId");
    assertThat(id).matches("\\d{13}");
    Map<String, Object> pending = http.awaitStatus(id, "PENDING");
    assertThat(pending).containsEntry("filledQty", 0.0).containsEntry("remainingQuantity", 520.0);
    assertThat((String) pending.get("exchangeOrderId")).matches("\\d{16}");

    dhan.market().price(NIFTY_27650_CE, Price.ofRupees("112.40"));

    assertThat(http.get("orders/" + id).object()).containsEntry("orderStatus", "TRADED")
        .containsEntry("filledQty", 520.0).containsEntry("remainingQuantity", 0.0)
        .containsEntry("averageTradedPrice", 112.4);
    assertThat(http.get("trades").array()).singleElement()
        .satisfies(t -> assertThat(t).containsEntry("orderId", id).containsEntry("tradedQuantity", 520.0)
            .containsEntry("tradedPrice", 112.4).containsEntry("transactionType", "BUY"));
  }

  @Test
  void orderRecordCarriesEveryDocumentedFieldWithDhansSentinels() {
    String id = placeLimitBuy();

    Map<String, Object> order = http.awaitStatus(id, "PENDING");

    assertThat(order).containsOnlyKeys("dhanClientId", "orderId", "exchangeOrderId", "correlationId",
        "orderStatus", "transactionType", "exchangeSegment", "productType", "orderType", "validity",
        "tradingSymbol", "securityId", "quantity", "disclosedQuantity", "price", "triggerPrice",
        "afterMarketOrder", "boProfitValue", "boStopLossValue", "legName", "createTime", "updateTime",
        "exchangeTime", "drvExpiryDate", "drvOptionType", "drvStrikePrice", "omsErrorCode",
        "omsErrorDescription", "algoId", "remainingQuantity", "averageTradedPrice", "filledQty");
    assertThat(order).containsEntry("dhanClientId", CLIENT).containsEntry("correlationId", "cp-7f3a-0001")
        .containsEntry("exchangeSegment", "NSE_FNO").containsEntry("securityId", "35191")
        .containsEntry("tradingSymbol", "NIFTY-Dec2026-27650-CE").containsEntry("price", 112.5)
        .containsEntry("triggerPrice", 0.0).containsEntry("legName", "NA")
        .containsEntry("drvOptionType", "CALL").containsEntry("drvStrikePrice", 27650.0)
        .containsEntry("omsErrorDescription", "CONFIRMED");
    assertThat((String) order.get("createTime")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    assertThat(http.get("orders").array()).singleElement().isEqualTo(order);
  }

  @Test
  void withoutACorrelationIdDhanReportsAGeneratedOne() {
    String id = (String) http.post("orders", OrderBodies.limitBuy(CLIENT, nullValue("correlationId")))
        .object().get("orderId");

    assertThat((String) http.awaitStatus(id, "PENDING").get("correlationId")).matches(CLIENT + "-\\d{13}");
    assertThat(account.orders().awaitNext(Duration.ofSeconds(1)).correlationId()).isEmpty();
  }

  @Test
  void unknownOrderIdAnswersAnEmptyArray() {
    DhanHttp.Answer answer = http.get("orders/5126999999999");

    assertThat(answer.code()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("[]");
  }

  @Test
  void correlationIdLookupCannotSeeTransitOrdersThenFindsTheOrder() {
    dhan.settings().transitDuration(Duration.ofMillis(300));
    String id = placeLimitBuy();

    http.get("orders/external/cp-7f3a-0001").assertError(404, "Order_Error", "DH-906");
    http.get("orders/external/nobody").assertError(404, "Order_Error", "DH-906");
    http.awaitStatus(id, "PENDING");

    assertThat(http.get("orders/external/cp-7f3a-0001").object()).containsEntry("orderId", id);
  }

  @Test
  void cancelIsRefusedInTransitThenCancelsThenFindsNothingToCancel() {
    dhan.settings().transitDuration(Duration.ofMillis(300));
    String id = placeLimitBuy();

    DhanHttp.Answer inTransit = http.delete("orders/" + id);
    inTransit.assertError(400, "Order_Error", "DH-906");
    assertThat(inTransit.object()).containsEntry("errorMessage", "Order is in Transit state");
    http.awaitStatus(id, "PENDING");
    assertThat(http.delete("orders/" + id).object())
        .isEqualTo(Map.of("orderId", id, "orderStatus", "CANCELLED"));
    http.delete("orders/" + id).assertError(400, "Order_Error", "DH-906");
  }

  @Test
  void modifyTakesTheNewTotalQuantityAtMostTwentyFiveTimes() {
    String id = placeLimitBuy();
    http.awaitStatus(id, "PENDING");
    String modify = "{\"dhanClientId\":\"" + CLIENT + "\",\"orderId\":\"" + id
        + "\",\"orderType\":\"LIMIT\",\"quantity\":650,\"price\":112.6,\"validity\":\"DAY\"}";

    http.put("orders/" + id, "{\"dhanClientId\":\"" + CLIENT + "\",\"orderId\":\"" + id
        + "\",\"orderType\":\"STOP_LOSS\",\"validity\":\"DAY\"}")
        .assertError(400, "Input_Exception", "DH-905"); // no trigger: refused, and not counted

    for (int i = 0; i < 25; i++) {
      assertThat(http.put("orders/" + id, modify).object()).isEqualTo(Map.of("orderId", id, "orderStatus",
          "PENDING"));
    }
    http.put("orders/" + id, modify).assertError(400, "Order_Error", "DH-906");
    assertThat(http.get("orders/" + id).object()).containsEntry("quantity", 650.0).containsEntry("price", 112.6);
  }

  @Test
  void modifyIsAcceptedWhileTransit() {
    dhan.settings().transitDuration(Duration.ofMillis(200));
    String id = placeLimitBuy();

    account.modifies(OrderId.of(id), FakeOrderSpec.buy(NIFTY_27650_CE).quantity(130).limit("112.55"));

    assertThat(http.awaitStatus(id, "PENDING")).containsEntry("quantity", 130.0).containsEntry("price", 112.55);
  }

  @Test
  void slicingPlacesOneOrderPerFreezeSizedSlice() {
    DhanHttp.Answer sliced = http.post("orders/slicing",
        OrderBodies.limitBuy(CLIENT, Map.of("quantity", 3900)));

    assertThat(sliced.code()).isEqualTo(200);
    assertThat(sliced.array()).hasSize(3).allSatisfy(s -> assertThat(s).containsOnlyKeys("orderId", "orderStatus")
        .containsEntry("orderStatus", "TRANSIT"));
    assertThat(account.orders().all()).extracting(FakeOrder::quantity).containsExactly(1755, 1755, 390);
  }

  @Test
  void partialFillsShowAsPartTradedWithOneTradeEach() {
    OrderId id = OrderId.of(placeLimitBuy());
    http.awaitStatus(id.value(), "PENDING");

    dhan.market().fill(id, 130);
    assertThat(http.get("orders/" + id).object()).containsEntry("orderStatus", "PART_TRADED")
        .containsEntry("filledQty", 130.0).containsEntry("remainingQuantity", 390.0);
    dhan.market().fill(id, 390);

    assertThat(http.get("trades/" + id).array()).extracting(t -> t.get("tradedQuantity"))
        .containsExactly(130.0, 390.0);
    assertThat(http.get("trades/").array()).hasSize(2);
    dhan.settings().tradesOfOrder(FakeSettings.TradesOfOrder.OBJECT);
    assertThat(http.get("trades/" + id).object()).containsEntry("tradedQuantity", 390.0);
  }

  @Test
  void positionsFundsAndProfitFollowTheFills() {
    dhan.market().price(NIFTY_27650_CE, Price.ofRupees("112.00"));
    OrderId buy = account.places(FakeOrderSpec.buy(NIFTY_27650_CE).quantity(130).market().product("MARGIN"));
    http.awaitStatus(buy.value(), "TRADED");

    Map<String, Object> funds = http.get("fundlimit").object();
    assertThat(funds).containsOnlyKeys("dhanClientId", "availabelBalance", "sodLimit", "collateralAmount",
        "receiveableAmount", "utilizedAmount", "blockedPayoutAmount", "withdrawableBalance")
        .containsEntry("sodLimit", 1000000.0).containsEntry("utilizedAmount", 14560.0)
        .containsEntry("availabelBalance", 985440.0);
    assertThat(http.get("fundlimit").body()).contains("\"sodLimit\":1000000.0");

    dhan.market().price(NIFTY_27650_CE, Price.ofRupees("115.00"));
    assertThat(http.get("positions").array()).singleElement().satisfies(p -> assertThat(p)
        .containsEntry("positionType", "LONG").containsEntry("netQty", 130.0).containsEntry("buyQty", 130.0)
        .containsEntry("buyAvg", 112.0).containsEntry("unrealizedProfit", 390.0)
        .containsEntry("productType", "MARGIN").containsEntry("exchangeSegment", "NSE_FNO")
        .containsEntry("securityId", "35191"));

    OrderId sell = account.places(FakeOrderSpec.sell(NIFTY_27650_CE).quantity(130).market().product("MARGIN"));
    http.awaitStatus(sell.value(), "TRADED");
    assertThat(account.positions()).singleElement().satisfies(p -> {
      assertThat(p.positionType()).isEqualTo("CLOSED");
      assertThat(p.netQty()).isZero();
      assertThat(p.realizedProfit()).isEqualTo(Money.ofRupees("390"));
    });
  }

  @Test
  void profileAndMarginCalculatorAnswerTheirDocumentedShapes() {
    assertThat(http.get("profile").object()).containsOnlyKeys("dhanClientId", "tokenValidity", "activeSegment",
        "ddpi", "mtf", "dataPlan", "dataValidity").containsEntry("dhanClientId", CLIENT);
    assertThat((String) http.get("profile").object().get("tokenValidity"))
        .matches("\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d");

    Map<String, Object> margin = http.post("margincalculator", "{\"dhanClientId\":\"" + CLIENT + "\","
        + "\"exchangeSegment\":\"NSE_FNO\",\"transactionType\":\"BUY\",\"quantity\":65,\"productType\":\"MARGIN\","
        + "\"securityId\":\"35191\",\"price\":112.5}").object();

    assertThat(margin).containsOnlyKeys("totalMargin", "spanMargin", "exposureMargin", "availableBalance",
        "variableMargin", "insufficientBalance", "brokerage", "leverage")
        .containsEntry("totalMargin", 7312.5).containsEntry("availableBalance", 1000000.0)
        .containsEntry("insufficientBalance", 0.0).containsEntry("leverage", "1.00");
  }

  @Test
  void unknownPathGetsTheGatewaysNotFoundBody() {
    DhanHttp.Answer answer = http.get("forever/all");

    assertThat(answer.code()).isEqualTo(404);
    assertThat(answer.object()).containsOnlyKeys("timestamp", "status", "error", "path")
        .containsEntry("status", 404.0).containsEntry("error", "Not Found").containsEntry("path", "/v2/forever/all");
  }

  @Test
  void iocOrderThatCannotTradeIsCancelledOnArrival() {
    String id = (String) http.post("orders", OrderBodies.limitBuy(CLIENT, Map.of("validity", "IOC")))
        .object().get("orderId");

    assertThat(http.awaitStatus(id, "CANCELLED")).containsEntry("filledQty", 0.0);
  }

  @Test
  void stopLossTriggersWhenThePriceReachesTheTrigger() {
    OrderId id = account.places(FakeOrderSpec.sell(NIFTY_27650_CE).quantity(65).stopLoss("110.00", "109.00"));
    http.awaitStatus(id.value(), "PENDING");

    dhan.market().price(NIFTY_27650_CE, Price.ofRupees("111.00"));
    assertThat(http.get("orders/" + id).object()).containsEntry("orderStatus", "PENDING");
    dhan.market().price(NIFTY_27650_CE, Price.ofRupees("109.95"));

    assertThat(http.get("orders/" + id).object()).containsEntry("orderStatus", "TRADED")
        .containsEntry("averageTradedPrice", 109.95).containsEntry("triggerPrice", 110.0);
  }

  private String placeLimitBuy() {
    DhanHttp.Answer placed = http.post("orders", OrderBodies.limitBuyJson(CLIENT));
    assertThat(placed.code()).as(placed.body()).isEqualTo(200);
    return (String) placed.object().get("orderId");
  }

  private static Map<String, Object> nullValue(String key) {
    Map<String, Object> change = new HashMap<>();
    change.put(key, null);
    return change;
  }
}
