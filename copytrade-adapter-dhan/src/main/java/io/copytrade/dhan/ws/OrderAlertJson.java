package io.copytrade.dhan.ws;

import com.squareup.moshi.Json;
import java.math.BigDecimal;

/**
 * The fields we read of an {@code order_alert}'s {@code Data}; the rest are skipped. Numbers are accepted as
 * JSON numbers or as strings.
 */
record OrderAlertJson(
    @Json(name = "Exchange") String exchange,
    @Json(name = "Segment") String segment,
    @Json(name = "SecurityId") String securityId,
    @Json(name = "OrderNo") String orderNo,
    @Json(name = "Product") String product,
    @Json(name = "TxnType") String txnType,
    @Json(name = "OrderType") String orderType,
    @Json(name = "Validity") String validity,
    @Json(name = "Quantity") Integer quantity,
    @Json(name = "TradedQty") Integer tradedQty,
    @Json(name = "Price") BigDecimal price,
    @Json(name = "TriggerPrice") BigDecimal triggerPrice,
    @Json(name = "AvgTradedPrice") BigDecimal avgTradedPrice,
    @Json(name = "OrderDateTime") String orderDateTime,
    @Json(name = "LastUpdatedTime") String lastUpdatedTime,
    @Json(name = "Instrument") String instrument,
    @Json(name = "Status") String status,
    @Json(name = "LotSize") Integer lotSize,
    @Json(name = "CorrelationId") String correlationId) {}
