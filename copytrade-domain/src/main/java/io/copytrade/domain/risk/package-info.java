/**
 * Risk rules: small named checks on a sized copy before it is sent, each returning allow or
 * reject-with-reason; the first rejection wins.
 *
 * <p>Units: quantities are contracts, premiums paise per contract, capital exact paise; percentages are
 * {@code BigDecimal} (10 means 10 %). No {@code double}. No nulls cross a port.
 */
package io.copytrade.domain.risk;
