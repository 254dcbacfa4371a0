/**
 * What Dhan's wire formats share: decimal numbers read from their text, the sentinels that mean "not set",
 * IST timestamps, the one-letter exchange and segment codes, and token redaction.
 *
 * <p>Prices and money become exact paise, never {@code double}; an unknown code is a {@link
 * io.copytrade.dhan.wire.WireValueException} naming the field and the value. No nulls cross a port.
 */
package io.copytrade.dhan.wire;
