package io.copytrade.sqlite;

import static io.copytrade.sqlite.Columns.millis;
import static io.copytrade.sqlite.Columns.paise;
import static io.copytrade.sqlite.Columns.price;

import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.InstrumentType;
import io.copytrade.ports.model.LotSize;
import io.copytrade.ports.model.OptionType;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.Quantity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An instruments row. Nullable: expiryDate (ISO yyyy-MM-dd), strikePaise, optionType, freezeQuantity.
 */
record InstrumentRow(
    String exchangeSegment,
    String securityId,
    String tradingSymbol,
    String underlying,
    String instrumentType,
    int lotSize,
    long tickSizePaise,
    String expiryDate,
    Long strikePaise,
    String optionType,
    Integer freezeQuantity,
    long updatedAt) {

  static InstrumentRow of(Instrument i, Instant at) {
    return new InstrumentRow(
        i.key().segment().name(),
        i.key().securityId().value(),
        i.tradingSymbol(),
        i.underlying(),
        i.type().name(),
        i.lotSize().units(),
        i.tickSize().paise(),
        i.expiry().map(LocalDate::toString).orElse(null),
        paise(i.strike()),
        i.optionType().map(OptionType::name).orElse(null),
        i.freezeQuantity().map(Quantity::units).orElse(null),
        millis(at));
  }

  Instrument toInstrument() {
    return new Instrument(
        InstrumentKey.of(ExchangeSegment.valueOf(exchangeSegment), securityId),
        tradingSymbol,
        underlying,
        InstrumentType.valueOf(instrumentType),
        LotSize.of(lotSize),
        Price.ofPaise(tickSizePaise),
        Optional.ofNullable(expiryDate).map(LocalDate::parse),
        price(strikePaise),
        Optional.ofNullable(optionType).map(OptionType::valueOf),
        Optional.ofNullable(freezeQuantity).map(Quantity::of));
  }
}
