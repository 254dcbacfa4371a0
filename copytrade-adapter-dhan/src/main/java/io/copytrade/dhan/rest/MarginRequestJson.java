package io.copytrade.dhan.rest;

import java.math.BigDecimal;

/** Body of {@code POST margincalculator}. */
record MarginRequestJson(
    String dhanClientId,
    String exchangeSegment,
    String transactionType,
    int quantity,
    String productType,
    String securityId,
    BigDecimal price,
    BigDecimal triggerPrice) {}
