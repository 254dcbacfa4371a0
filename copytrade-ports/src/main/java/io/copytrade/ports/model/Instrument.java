package io.copytrade.ports.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Facts about one tradable instrument from Dhan's instrument master.
 *
 * @param tradingSymbol e.g. "NIFTY-Dec2026-27650-CE"
 * @param underlying the underlying's symbol, e.g. "NIFTY"
 * @param tickSize the price step, in paise
 * @param freezeQuantity the exchange's largest quantity for one order, when known
 */
public record Instrument(
    InstrumentKey key,
    String tradingSymbol,
    String underlying,
    InstrumentType type,
    LotSize lotSize,
    Price tickSize,
    Optional<LocalDate> expiry,
    Optional<Price> strike,
    Optional<OptionType> optionType,
    Optional<Quantity> freezeQuantity) {

  public Instrument {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(tradingSymbol, "tradingSymbol");
    Objects.requireNonNull(underlying, "underlying");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(lotSize, "lotSize");
    Objects.requireNonNull(tickSize, "tickSize");
    Objects.requireNonNull(expiry, "expiry");
    Objects.requireNonNull(strike, "strike");
    Objects.requireNonNull(optionType, "optionType");
    Objects.requireNonNull(freezeQuantity, "freezeQuantity");
    if (tickSize.isZero()) throw new IllegalArgumentException("tick size must be > 0 for " + key);
  }
}
