package io.copytrade.testkit;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Place-order JSON as a careful client sends it (real numbers, no empty strings), with per-test changes. */
final class OrderBodies {
  private OrderBodies() {}

  /** A 520-contract LIMIT buy of NIFTY 27650 CE at 112.50 for {@code clientId}. */
  static Map<String, Object> limitBuy(String clientId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("dhanClientId", clientId);
    body.put("correlationId", "cp-7f3a-0001");
    body.put("transactionType", "BUY");
    body.put("exchangeSegment", "NSE_FNO");
    body.put("productType", "MARGIN");
    body.put("orderType", "LIMIT");
    body.put("validity", "DAY");
    body.put("securityId", FakeInstruments.NIFTY_27650_CE.securityId().value());
    body.put("quantity", 520);
    body.put("price", new BigDecimal("112.5"));
    return body;
  }

  /** {@link #limitBuy} with {@code changes} applied; a null value removes the field. */
  static String limitBuy(String clientId, Map<String, Object> changes) {
    Map<String, Object> body = limitBuy(clientId);
    changes.forEach((k, v) -> {
      if (v == null) body.remove(k); else body.put(k, v);
    });
    return JsonText.write(body);
  }

  static String limitBuyJson(String clientId) {
    return JsonText.write(limitBuy(clientId));
  }
}
