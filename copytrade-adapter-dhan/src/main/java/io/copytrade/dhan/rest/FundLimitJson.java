package io.copytrade.dhan.rest;

import java.math.BigDecimal;

/** {@code GET fundlimit}; {@code availabelBalance} is Dhan's real spelling (measured live). */
record FundLimitJson(BigDecimal availabelBalance, BigDecimal sodLimit, BigDecimal utilizedAmount) {}
