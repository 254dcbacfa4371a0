package io.copytrade.dhan.rest;

import java.math.BigDecimal;

/** {@code POST margincalculator}; here {@code availableBalance} is spelled correctly. */
record MarginJson(BigDecimal totalMargin, BigDecimal availableBalance, BigDecimal insufficientBalance) {}
