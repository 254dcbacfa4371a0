package io.copytrade.dhan.rest;

import java.math.BigDecimal;

/** The fields we read of Dhan's trade record: one exchange fill. */
record TradeJson(
    String orderId,
    String exchangeTradeId,
    String transactionType,
    String exchangeSegment,
    String productType,
    String securityId,
    Integer tradedQuantity,
    BigDecimal tradedPrice,
    String exchangeTime,
    String createTime) {}
