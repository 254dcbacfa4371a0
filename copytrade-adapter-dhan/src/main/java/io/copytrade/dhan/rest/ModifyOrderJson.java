package io.copytrade.dhan.rest;

import java.math.BigDecimal;

/** Body of {@code PUT orders/{id}}; {@code quantity} is the order's total, not what remains. */
record ModifyOrderJson(
    String dhanClientId,
    String orderId,
    String orderType,
    int quantity,
    BigDecimal price,
    BigDecimal triggerPrice,
    String validity) {}
