package io.copytrade.dhan.rest;

/** Dhan's answer to place, modify and cancel. */
record OrderAckJson(String orderId, String orderStatus) {}
