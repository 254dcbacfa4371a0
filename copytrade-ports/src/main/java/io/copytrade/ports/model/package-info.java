/**
 * Immutable values that cross the hexagon: ids, instrument facts, orders, funds and positions.
 *
 * <p>Units: quantities are contracts (1 NIFTY lot = 65 contracts); prices and money are exact paise
 * ({@code long}), never {@code double}. Records validate in their constructors and refuse bad input with
 * a message naming the field and the value. No nulls cross a port: absence is {@link java.util.Optional}.
 */
package io.copytrade.ports.model;
