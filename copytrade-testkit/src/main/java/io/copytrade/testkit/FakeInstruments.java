package io.copytrade.testkit;

import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.Price;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The fake's instrument master: what it serves as CSV and what orders are checked against. Thread-safe. */
public final class FakeInstruments {
  /** NIFTY monthly expiry of the demo chain (the last Tuesday of December 2026). */
  public static final LocalDate DEMO_EXPIRY = LocalDate.of(2026, 12, 29);
  public static final InstrumentKey NIFTY_INDEX = InstrumentKey.of(ExchangeSegment.IDX_I, "13");
  public static final InstrumentKey NIFTY_27650_CE = InstrumentKey.of(ExchangeSegment.NSE_FNO, "35191");
  public static final InstrumentKey NIFTY_27650_PE = InstrumentKey.of(ExchangeSegment.NSE_FNO, "35192");
  public static final InstrumentKey BANKNIFTY_61000_CE = InstrumentKey.of(ExchangeSegment.NSE_FNO, "51234");

  /** Exchange underlying tokens for index derivatives; the master's UNDERLYING_SECURITY_ID. */
  private static final Map<String, String> UNDERLYING_TOKENS = Map.of("NIFTY", "26000", "BANKNIFTY", "26009",
      "FINNIFTY", "26037", "MIDCPNIFTY", "26074", "SENSEX", "1", "BANKEX", "12");

  /** Stock underlyings of generated OPTSTK rows. */
  private static final List<String> GENERATED_STOCKS = List.of("RELIANCE", "TCS", "INFY", "HDFCBANK", "ICICIBANK",
      "SBIN", "ITC", "LT", "AXISBANK", "KOTAKBANK");
  private static final int FIRST_GENERATED_ID = 2_000_000;

  private final Map<InstrumentKey, InstrumentRow> rows = new LinkedHashMap<>();
  /** The CSV files served, by segment ("" for the whole master): built once per change of the rows. */
  private final Map<String, String> csvFiles = new HashMap<>();

  FakeInstruments() {}

  /**
   * Lists an option. Index underlyings (NIFTY, BANKNIFTY, ...) give OPTIDX rows, others OPTSTK.
   *
   * @param tick the price step, e.g. {@code Price.ofPaise(5)}; the CSV shows it in paise ("5.0000")
   * @param optionType "CE" or "PE"
   */
  public FakeInstruments option(InstrumentKey key, String underlying, String tradingSymbol, int lotSize,
      Price tick, LocalDate expiry, Price strike, String optionType, int freezeQuantity) {
    if (!optionType.equals("CE") && !optionType.equals("PE")) {
      throw new IllegalArgumentException("optionType must be CE or PE: " + optionType);
    }
    if (lotSize <= 0 || tick.isZero()) throw new IllegalArgumentException("lot size and tick must be > 0");
    String token = UNDERLYING_TOKENS.getOrDefault(underlying, "NA");
    return add(new InstrumentRow(key, InstrumentRow.exchangeOf(key.segment()),
        UNDERLYING_TOKENS.containsKey(underlying) ? "OPTIDX" : "OPTSTK", token, underlying, tradingSymbol,
        InstrumentRow.optionDisplayName(underlying, expiry, strike, optionType), lotSize, tick,
        Optional.of(expiry), Optional.of(strike), optionType, freezeQuantity));
  }

  /**
   * NIFTY Dec-2026 options at strikes 27600, 27650 and 27700 (ids 35189-35194, lot 65, tick 5 paise, freeze
   * 1800), a BANKNIFTY 61000 CE (lot 30, freeze 900) and the NIFTY 50 index row (IDX_I 13).
   */
  public FakeInstruments niftyDemoChain() {
    int securityId = 35189;
    for (int strike = 27600; strike <= 27700; strike += 50) {
      for (String type : List.of("CE", "PE")) {
        option(InstrumentKey.of(ExchangeSegment.NSE_FNO, Integer.toString(securityId++)), "NIFTY",
            "NIFTY-Dec2026-" + strike + "-" + type, 65, Price.ofPaise(5), DEMO_EXPIRY,
            Price.ofRupees(Integer.toString(strike)), type, 1800);
      }
    }
    option(BANKNIFTY_61000_CE, "BANKNIFTY", "BANKNIFTY-Dec2026-61000-CE", 30, Price.ofPaise(5), DEMO_EXPIRY,
        Price.ofRupees("61000"), "CE", 900);
    return add(new InstrumentRow(NIFTY_INDEX, "NSE", "INDEX", "13", "NIFTY", "NIFTY", "Nifty 50", 1,
        Price.ofPaise(5), Optional.empty(), Optional.empty(), "XX", 0));
  }

  /**
   * Lists {@code count} generated NSE_FNO options (security ids from 2,000,000 up), so the master has the size
   * of Dhan's real one (about 200,000 rows in the detailed file): index and stock underlyings, weekly expiries
   * from {@link #DEMO_EXPIRY}, strikes 50 apart, CE and PE.
   */
  public FakeInstruments generatedOptions(int count) {
    List<String> underlyings = new ArrayList<>(List.of("NIFTY", "BANKNIFTY", "FINNIFTY", "MIDCPNIFTY"));
    underlyings.addAll(GENERATED_STOCKS);
    for (int i = 0; i < count; i++) {
      String underlying = underlyings.get(i % underlyings.size());
      int series = i / underlyings.size();
      String type = series % 2 == 0 ? "CE" : "PE";
      int strike = 10_000 + 50 * (series / 2 % 400);
      LocalDate expiry = DEMO_EXPIRY.plusWeeks(series / 800);
      option(InstrumentKey.of(ExchangeSegment.NSE_FNO, Integer.toString(FIRST_GENERATED_ID + i)), underlying,
          underlying + "-" + expiry + "-" + strike + "-" + type, 25, Price.ofPaise(5), expiry,
          Price.ofRupees(Integer.toString(strike)), type, 1800);
    }
    return this;
  }

  Optional<InstrumentRow> find(InstrumentKey key) {
    synchronized (rows) {
      return Optional.ofNullable(rows.get(key));
    }
  }

  /** The detailed master, every segment. */
  String detailedCsv() {
    return csv("", row -> true);
  }

  /** The per-segment file of {@code GET /v2/instrument/{segment}}, in the detailed layout. */
  String detailedCsv(ExchangeSegment segment) {
    return csv(segment.name(), row -> row.key().segment() == segment);
  }

  private String csv(String file, Predicate<InstrumentRow> included) {
    synchronized (rows) {
      return csvFiles.computeIfAbsent(file, f -> {
        StringBuilder text = new StringBuilder(InstrumentRow.DETAILED_HEADER).append('\n');
        rows.values().stream().filter(included).forEach(row -> text.append(row.csvLine()).append('\n'));
        return text.toString();
      });
    }
  }

  private FakeInstruments add(InstrumentRow row) {
    synchronized (rows) {
      rows.put(row.key(), row);
      csvFiles.clear();
    }
    return this;
  }
}
