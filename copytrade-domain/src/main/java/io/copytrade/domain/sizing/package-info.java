/**
 * Sizing: how many contracts a follower copies of a leader order, under one of three strategies.
 *
 * <p>Units: quantities are contracts ({@link io.copytrade.ports.model.Quantity}), capital is exact paise
 * ({@link io.copytrade.ports.model.Money}), premiums are paise per contract. Arithmetic is {@code BigDecimal}
 * with an explicit {@code RoundingMode}, never {@code double}, and every result is floored to whole lots:
 * under one lot is a skip with its reason, never forced up. No nulls cross a port.
 */
package io.copytrade.domain.sizing;
