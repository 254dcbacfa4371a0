package io.copytrade.dhan.wire;

import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentType;
import io.copytrade.ports.model.OrderStatus;
import java.util.Locale;

/** Annexure tables shared by more than one of Dhan's formats (REST, order-update socket, instrument master). */
public final class DhanCodes {
  private DhanCodes() {}

  /** An exchange ({@code NSE}, {@code BSE}, {@code MCX}) and a segment letter (E, D, C, M). */
  public static ExchangeSegment segment(String exchange, String segment) {
    String pair = exchange + "+" + segment;
    return switch (pair) {
      case "NSE+E" -> ExchangeSegment.NSE_EQ;
      case "NSE+D" -> ExchangeSegment.NSE_FNO;
      case "NSE+C" -> ExchangeSegment.NSE_CURRENCY;
      case "BSE+E" -> ExchangeSegment.BSE_EQ;
      case "BSE+D" -> ExchangeSegment.BSE_FNO;
      case "BSE+C" -> ExchangeSegment.BSE_CURRENCY;
      case "MCX+M" -> ExchangeSegment.MCX_COMM;
      default -> throw WireValueException.unknown("exchange+segment", pair);
    };
  }

  public static InstrumentType instrumentType(String field, String text) {
    return switch (WireValues.required(field, text)) {
      case "INDEX" -> InstrumentType.INDEX;
      case "FUTIDX" -> InstrumentType.FUTIDX;
      case "OPTIDX" -> InstrumentType.OPTIDX;
      case "EQUITY" -> InstrumentType.EQUITY;
      case "FUTSTK" -> InstrumentType.FUTSTK;
      case "OPTSTK" -> InstrumentType.OPTSTK;
      case "FUTCOM" -> InstrumentType.FUTCOM;
      case "OPTFUT" -> InstrumentType.OPTFUT;
      case "FUTCUR" -> InstrumentType.FUTCUR;
      case "OPTCUR" -> InstrumentType.OPTCUR;
      default -> throw WireValueException.unknown(field, text);
    };
  }

  /** Status text has been seen in mixed case ("Cancelled"), so it is compared without case. */
  public static OrderStatus orderStatus(String field, String text) {
    return switch (WireValues.required(field, text).trim().toUpperCase(Locale.ROOT)) {
      case "TRANSIT" -> OrderStatus.TRANSIT;
      case "PENDING" -> OrderStatus.PENDING;
      case "PART_TRADED" -> OrderStatus.PART_TRADED;
      case "TRADED" -> OrderStatus.TRADED;
      case "CANCELLED" -> OrderStatus.CANCELLED;
      case "REJECTED" -> OrderStatus.REJECTED;
      case "EXPIRED" -> OrderStatus.EXPIRED;
      default -> throw WireValueException.unknown(field, text);
    };
  }
}
