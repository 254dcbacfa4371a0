package io.copytrade.dhan.rest;

/** Dhan's error body, e.g. {@code {"errorType":"Order_Error","errorCode":"DH-906","errorMessage":"..."}}. */
record ErrorJson(String errorType, String errorCode, String errorMessage) {}
