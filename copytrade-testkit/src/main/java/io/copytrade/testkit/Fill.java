package io.copytrade.testkit;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.Price;
import java.time.LocalDateTime;

/** One exchange trade of an order (a partially filled order has several). */
record Fill(
    String tradeId,
    OrderId orderId,
    AccountId account,
    String exchangeOrderId,
    String side,
    InstrumentRow instrument,
    String productType,
    String orderType,
    int quantity,
    Price price,
    LocalDateTime time) {

  long valuePaise() {
    return Math.multiplyExact(price.paise(), (long) quantity);
  }
}
