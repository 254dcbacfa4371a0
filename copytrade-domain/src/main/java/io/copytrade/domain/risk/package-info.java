/**
 * Risk rules: small named checks on a sized entry before it is sent, each returning allow, reject, or
 * reject-and-pause (a daily loss limit reached), with a reason naming the numbers; the first refusal wins.
 * Rules: {@link io.copytrade.domain.risk.MaxPositionSizePct}, {@link io.copytrade.domain.risk.MaxLotsPerOrder},
 * {@link io.copytrade.domain.risk.MaxOpenPositions}, {@link io.copytrade.domain.risk.MaxDailyLoss} and
 * {@link io.copytrade.domain.risk.MarginCheck}. Exits are never checked: a follower always follows the leader
 * out.
 *
 * <p>Units: quantities are contracts, premiums paise per contract, capital and profit exact paise;
 * percentages are {@code BigDecimal} (10 means 10 %). No {@code double}. No nulls cross a port.
 */
package io.copytrade.domain.risk;
