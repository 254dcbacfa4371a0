package io.copytrade.dhan.rest;

import java.util.List;

/**
 * The answer to a lookup of one order, which Dhan gives as an object or as an array ({@code 200 []} for an
 * unknown id).
 */
record OrderLookupJson(List<OrderJson> orders) {}
