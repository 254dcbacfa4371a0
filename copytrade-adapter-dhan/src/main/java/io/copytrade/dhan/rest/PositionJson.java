package io.copytrade.dhan.rest;

import java.math.BigDecimal;

/** The fields we read of Dhan's position record. */
record PositionJson(
    String securityId,
    String exchangeSegment,
    String productType,
    Integer netQty,
    BigDecimal buyAvg,
    BigDecimal sellAvg,
    BigDecimal realizedProfit,
    BigDecimal unrealizedProfit,
    Integer carryForwardBuyQty,
    Integer carryForwardSellQty) {}
