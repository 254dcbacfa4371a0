package io.copytrade.dhan.rest;

import java.math.BigDecimal;

/** The fields we read of Dhan's order record (order book, by id, by correlation id); others are skipped. */
record OrderJson(
    String orderId,
    String correlationId,
    String orderStatus,
    String transactionType,
    String exchangeSegment,
    String productType,
    String orderType,
    String validity,
    String securityId,
    Integer quantity,
    Integer filledQty,
    BigDecimal price,
    BigDecimal triggerPrice,
    BigDecimal averageTradedPrice,
    String omsErrorDescription,
    String updateTime) {}
