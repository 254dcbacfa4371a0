package io.copytrade.dhan;

import io.copytrade.dhan.wire.DhanCodes;
import io.copytrade.dhan.wire.WireValueException;
import io.copytrade.dhan.wire.WireValues;
import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.LotSize;
import io.copytrade.ports.model.OptionType;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rows of Dhan's detailed instrument master, read by column name from the header row: Dhan adds and drops
 * columns, and each line ends with a comma.
 */
final class ScripMasterParser {
  enum Column {
    EXCH_ID, SEGMENT, SECURITY_ID, INSTRUMENT, UNDERLYING_SYMBOL, SYMBOL_NAME, LOT_SIZE, SM_EXPIRY_DATE,
    STRIKE_PRICE, OPTION_TYPE, TICK_SIZE, SM_FREEZE_QTY
  }

  private static final String INDEX_SEGMENT = "I";
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final Map<Column, Integer> positions;

  private ScripMasterParser(Map<Column, Integer> positions) {
    this.positions = positions;
  }

  static ScripMasterParser forHeader(String header) {
    List<String> names = cells(header.isEmpty() || header.charAt(0) != BYTE_ORDER_MARK ? header : header.substring(1));
    Map<Column, Integer> positions = new EnumMap<>(Column.class);
    for (Column column : Column.values()) {
      int position = names.indexOf(column.name());
      if (position < 0) throw WireValueException.missing("instrument master column " + column);
      positions.put(column, position);
    }
    return new ScripMasterParser(positions);
  }

  /**
   * The instrument on this row; empty for an index row, which cannot be traded.
   *
   * @throws RuntimeException ({@link WireValueException} or {@link IllegalArgumentException}) when the row
   *     cannot be read
   */
  Optional<Instrument> parse(String line) {
    List<String> row = cells(line);
    if (INDEX_SEGMENT.equals(cell(row, Column.SEGMENT))) return Optional.empty();
    return Optional.of(new Instrument(
        InstrumentKey.of(DhanCodes.segment(cell(row, Column.EXCH_ID), cell(row, Column.SEGMENT)),
            cell(row, Column.SECURITY_ID)),
        cell(row, Column.SYMBOL_NAME),
        cell(row, Column.UNDERLYING_SYMBOL),
        DhanCodes.instrumentType(Column.INSTRUMENT.name(), cell(row, Column.INSTRUMENT)),
        LotSize.of(decimal(row, Column.LOT_SIZE).intValueExact()),
        // In paise ("5.0000" is ₹0.05): not stated by Dhan, but what every parser we found assumes (UNCONFIRMED).
        Price.ofPaise(decimal(row, Column.TICK_SIZE).longValueExact()),
        WireValues.date(Column.SM_EXPIRY_DATE.name(), cell(row, Column.SM_EXPIRY_DATE)),
        positive(row, Column.STRIKE_PRICE).map(strike -> WireValues.price(Column.STRIKE_PRICE.name(), strike)),
        optionType(cell(row, Column.OPTION_TYPE)),
        positive(row, Column.SM_FREEZE_QTY).map(quantity -> Quantity.of(quantity.intValueExact()))));
  }

  /** Futures carry a strike of -0.01, and rows without a limit leave it blank or 0. */
  private Optional<BigDecimal> positive(List<String> row, Column column) {
    String text = cell(row, column);
    if (WireValues.isUnset(text)) return Optional.empty();
    BigDecimal value = WireValues.decimal(column.name(), text);
    return value.signum() > 0 ? Optional.of(value) : Optional.empty();
  }

  private BigDecimal decimal(List<String> row, Column column) {
    return WireValues.decimal(column.name(), cell(row, column));
  }

  private static Optional<OptionType> optionType(String text) {
    return switch (text) {
      case "CE" -> Optional.of(OptionType.CALL);
      case "PE" -> Optional.of(OptionType.PUT);
      case "XX", "", "NA" -> Optional.empty();
      default -> throw WireValueException.unknown(Column.OPTION_TYPE.name(), text);
    };
  }

  private String cell(List<String> row, Column column) {
    int position = positions.get(column);
    if (position >= row.size()) throw WireValueException.missing(column.name());
    return row.get(position).trim();
  }

  /** Splits one CSV line; a quoted cell may hold commas and doubled quotes. */
  private static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
