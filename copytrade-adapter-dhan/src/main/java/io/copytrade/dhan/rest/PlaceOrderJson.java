package io.copytrade.dhan.rest;

import java.math.BigDecimal;

/** Body of {@code POST orders}. A null component is left out of the JSON: Dhan refuses {@code ""}. */
record PlaceOrderJson(
    String dhanClientId,
    String correlationId,
    String transactionType,
    String exchangeSegment,
    String productType,
    String orderType,
    String validity,
    String securityId,
    int quantity,
    BigDecimal price,
    BigDecimal triggerPrice) {}
