package io.copytrade.testkit;

import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.Price;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One row of the fake's instrument master, holding what orders, alerts and the detailed CSV need.
 *
 * @param exchange "NSE", "BSE" or "MCX"
 * @param instrument the master's INSTRUMENT column, e.g. "OPTIDX", "INDEX"
 * @param underlyingSecurityId the exchange's underlying token (26000 for NIFTY), not the IDX_I id
 * @param tick price step in paise
 * @param optionType "CE", "PE" or "XX"
 * @param freezeQuantity the exchange freeze quantity (0 = none known)
 */
record InstrumentRow(
    InstrumentKey key,
    String exchange,
    String instrument,
    String underlyingSecurityId,
    String underlying,
    String tradingSymbol,
    String displayName,
    int lotSize,
    Price tick,
    Optional<LocalDate> expiry,
    Optional<Price> strike,
    String optionType,
    int freezeQuantity) {

  /** Column order as captured live (2026-08), including the trailing comma. Parsers go by name. */
  static final String DETAILED_HEADER = "EXCH_ID,SEGMENT,SECURITY_ID,ISIN,INSTRUMENT,UNDERLYING_SECURITY_ID,"
      + "UNDERLYING_SYMBOL,SYMBOL_NAME,DISPLAY_NAME,INSTRUMENT_TYPE,SERIES,LOT_SIZE,SM_EXPIRY_DATE,STRIKE_PRICE,"
      + "OPTION_TYPE,TICK_SIZE,EXPIRY_FLAG,BRACKET_FLAG,COVER_FLAG,ASM_GSM_FLAG,ASM_GSM_CATEGORY,"
      + "BUY_SELL_INDICATOR,BUY_CO_MIN_MARGIN_PER,BUY_CO_SL_RANGE_MAX_PERC,BUY_CO_SL_RANGE_MIN_PERC,"
      + "BUY_BO_MIN_MARGIN_PER,BUY_BO_PROFIT_RANGE_MAX_PERC,BUY_BO_PROFIT_RANGE_MIN_PERC,MTF_LEVERAGE,"
      + "SM_UPPER_LIMIT,SM_LOWER_LIMIT,SM_FREEZE_QTY,";

  static final String NO_DATE = "0001-01-01";
  private static final DateTimeFormatter DISPLAY_DATE = DateTimeFormatter.ofPattern("dd MMM", Locale.ENGLISH);

  boolean isOption() {
    return !optionType.equals("XX");
  }

  /** The one-letter segment of the master and of order alerts: I, E, D, C or M. */
  String segmentCode() {
    return switch (key.segment()) {
      case IDX_I -> "I";
      case NSE_EQ, BSE_EQ -> "E";
      case NSE_FNO, BSE_FNO -> "D";
      case NSE_CURRENCY, BSE_CURRENCY -> "C";
      case MCX_COMM -> "M";
    };
  }

  static String exchangeOf(ExchangeSegment segment) {
    return switch (segment) {
      case BSE_EQ, BSE_FNO, BSE_CURRENCY -> "BSE";
      case MCX_COMM -> "MCX";
      case IDX_I, NSE_EQ, NSE_FNO, NSE_CURRENCY -> "NSE";
    };
  }

  /** "NIFTY 29 DEC 27650 CALL", Dhan's display form. */
  static String optionDisplayName(String underlying, LocalDate expiry, Price strike, String optionType) {
    return underlying + " " + expiry.format(DISPLAY_DATE).toUpperCase(Locale.ROOT) + " " + strike.toRupeesText()
        + (optionType.equals("CE") ? " CALL" : " PUT");
  }

  /** A row in the reference sample's shape: TICK_SIZE in paise ("5.0000"), LOT_SIZE "65.0". */
  String csvLine() {
    String flag = expiry.map(InstrumentRow::expiryFlag).orElse("NA");
    String instrumentType = isOption() ? "OP" : instrument;
    List<String> cells = List.of(exchange, segmentCode(), key.securityId().value(), "NA", instrument,
        underlyingSecurityId, underlying, tradingSymbol, displayName, instrumentType, "NA", lotSize + ".0",
        expiry.map(LocalDate::toString).orElse(NO_DATE),
        strike.map(s -> s.rupees().setScale(5).toPlainString()).orElse("-0.01000"), optionType,
        BigDecimal.valueOf(tick.paise()).setScale(4).toPlainString(), flag, "N", "N", "N", "NA", "A",
        "0", "0", "0", "0", "0", "0", "0", isOption() ? "5000.0000" : "0.0000",
        isOption() ? tick.rupees().setScale(4).toPlainString() : "0.0000", Integer.toString(freezeQuantity));
    return String.join(",", cells) + ",";
  }

  /** M for the month's last expiry on that weekday, W for a weekly one. */
  private static String expiryFlag(LocalDate expiry) {
    return expiry.plusWeeks(1).getMonth() == expiry.getMonth() ? "W" : "M";
  }
}
