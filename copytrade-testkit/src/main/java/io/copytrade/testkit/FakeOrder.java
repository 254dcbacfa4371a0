package io.copytrade.testkit;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.Price;

/**
 * An order in the fake's book as it stood when this snapshot was taken. Strings carry Dhan's REST values
 * ("PENDING", "BUY", "MARGIN", "LIMIT", "DAY").
 *
 * @param correlationId what the client sent, "" if none (Dhan itself then reports a generated one)
 * @param triggerPrice {@link Price#ZERO} when the order has none, as on the wire
 * @param averageTradedPrice {@link Price#ZERO} until something trades
 */
public record FakeOrder(
    OrderId orderId,
    AccountId account,
    String correlationId,
    String status,
    String side,
    InstrumentKey instrument,
    String productType,
    String orderType,
    String validity,
    int quantity,
    int filledQuantity,
    Price price,
    Price triggerPrice,
    Price averageTradedPrice) {}
