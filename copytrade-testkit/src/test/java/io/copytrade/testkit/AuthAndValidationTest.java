package io.copytrade.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dhan's authentication answers and its input rules for order bodies. */
class AuthAndValidationTest extends OneAccountTest {
  private static final String CLIENT = "1000000001";

  @Override
  String client() {
    return CLIENT;
  }

  @Test
  void missingOrUnknownTokenIs401WithDh901() {
    DhanHttp.Answer noToken = new DhanHttp(dhan.restBase(), CLIENT, null).get("orders");
    DhanHttp.Answer unknown = new DhanHttp(dhan.restBase(), CLIENT, "a.b.c").get("fundlimit");

    noToken.assertError(401, "Invalid_Authentication", "DH-901");
    assertThat(unknown.body()).isEqualTo("{\"errorType\":\"Invalid_Authentication\",\"errorCode\":\"DH-901\","
        + "\"errorMessage\":\"Client ID or user generated access token is invalid or expired.\"}");
  }

  @Test
  void invalidTokenCanAnswerAsTheMeasured400InvalidToken() {
    dhan.settings().invalidToken(FakeSettings.InvalidToken.HTTP_400_DH_906);

    DhanHttp.Answer answer = new DhanHttp(dhan.restBase(), CLIENT, "a.b.c").get("orders");

    answer.assertError(400, "Order_Error", "DH-906");
    assertThat(answer.object()).containsEntry("errorMessage", "Invalid Token");
  }

  @Test
  void aRenewedTokenRetiresTheOldOne() {
    String old = account.token();

    account.renewToken();

    new DhanHttp(dhan.restBase(), CLIENT, old).get("orders").assertError(401, "Invalid_Authentication", "DH-901");
    assertThat(DhanHttp.as(dhan.fake(), account).get("orders").code()).isEqualTo(200);
  }

  @Test
  void tokensAreJwtShapedNamingTheClientAndClearlyFake() {
    String[] parts = account.token().split("\\.");

    assertThat(parts).hasSize(3);
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    assertThat(payload).contains("\"dhanClientId\":\"" + CLIENT + "\"").contains("\"iss\":\"fake-dhan\"");
    assertThat(parts[2]).startsWith("FAKE");
  }

  static Stream<Arguments> badBodies() {
    return Stream.of(
        Arguments.of("missing quantity", change("quantity", null), "quantity is required"),
        Arguments.of("empty string", change("productType", ""), "productType must not be empty"),
        Arguments.of("quoted quantity", change("quantity", "520"), "bad value for quantity: \"520\""),
        Arguments.of("quoted price", change("price", "112.5"), "bad value for price: \"112.5\""),
        Arguments.of("fraction of a paisa", change("price", new BigDecimal("112.555")), "bad value for price"),
        Arguments.of("other client", change("dhanClientId", "1000000002"), "does not match"),
        Arguments.of("unknown security", change("securityId", "99999"), "Invalid securityId 99999"),
        Arguments.of("unknown enum", change("orderType", "LMT"), "bad value for orderType"),
        Arguments.of("26-char correlation id", change("correlationId", "a".repeat(26)), "correlationId"),
        Arguments.of("slash in correlation id", change("correlationId", "cp/1"), "correlationId"),
        Arguments.of("stop loss without trigger", change("orderType", "STOP_LOSS"), "triggerPrice is required"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void badOrderBodiesAre400Dh905(String name, Map<String, Object> change, String message) {
    DhanHttp.Answer answer = http.post("orders", OrderBodies.limitBuy(CLIENT, change));

    answer.assertError(400, "Input_Exception", "DH-905");
    assertThat((String) answer.object().get("errorMessage")).contains(message);
    assertThat(account.orderBook()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "exactly-twenty-five-chars", "with space_and-dash 09"})
  void correlationIdsOfUpToTwentyFiveAllowedCharactersPass(String correlationId) {
    assertThat(http.post("orders", OrderBodies.limitBuy(CLIENT, change("correlationId", correlationId))).code())
        .isEqualTo(200);
  }

  @Test
  void quantityOffTheLotIsAcceptedThenRejectedByRms() {
    DhanHttp.Answer placed = http.post("orders", OrderBodies.limitBuy(CLIENT, change("quantity", 100)));

    assertThat(placed.object()).containsEntry("orderStatus", "TRANSIT");
    String id = (String) placed.object().get("orderId");
    Map<String, Object> rejected = http.awaitStatus(id, "REJECTED");
    assertThat((String) rejected.get("omsErrorDescription"))
        .isEqualTo("RMS:" + id + ":Quantity 100 is not a multiple of lot size 65");
  }

  @Test
  void modifyBodyMustNameTheSameOrder() {
    String id = (String) http.post("orders", OrderBodies.limitBuyJson(CLIENT)).object().get("orderId");
    http.awaitStatus(id, "PENDING");

    http.put("orders/" + id, "{\"dhanClientId\":\"" + CLIENT + "\",\"orderId\":\"1\",\"orderType\":\"LIMIT\","
        + "\"validity\":\"DAY\"}").assertError(400, "Input_Exception", "DH-905");
    http.put("orders/" + id, "{\"dhanClientId\":\"" + CLIENT + "\",\"orderId\":\"" + id + "\",\"orderType\":"
        + "\"LIMIT\",\"validity\":\"DAY\",\"quantity\":\"65\"}").assertError(400, "Input_Exception", "DH-905");
  }

  private static Map<String, Object> change(String key, Object value) {
    Map<String, Object> change = new HashMap<>();
    change.put(key, value);
    return change;
  }
}
