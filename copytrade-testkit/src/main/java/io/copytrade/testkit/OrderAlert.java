package io.copytrade.testkit;

import static io.copytrade.testkit.JsonText.rupees;

import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.Price;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The order-update socket's {@code {"Type":"order_alert","Data":{...}}} frame with every documented Data field
 * (§5.2), PascalCase with one-letter codes. UNCONFIRMED details follow {@link FakeSettings}.
 */
final class OrderAlert {
  /** Derivative expiries carry the exchange's close time (UNCONFIRMED, as in the reference's example). */
  private static final String EXPIRY_TIME = " 14:30:00";

  private OrderAlert() {}

  static String frame(BookOrder o, Optional<Price> refLtp, FakeSettings settings) {
    InstrumentRow instrument = o.instrument;
    Map<String, Object> d = new LinkedHashMap<>();
    if (settings.camelCaseDuplicates()) {
      d.put("series", "");
      d.put("goodTillDaysDate", o.created.toLocalDate().toString());
      d.put("instrumentType", instrument.instrument());
      d.put("refLtp", rupees(refLtp.map(Price::paise).orElse(0L)));
      d.put("tickSize", rupees(instrument.tick().paise()));
      d.put("algoId", "0");
      d.put("multiplier", 1);
    }
    d.put("Exchange", instrument.exchange());
    d.put("Segment", instrument.segmentCode());
    d.put("Source", "P");
    d.put("SecurityId", instrument.key().securityId().value());
    d.put("ClientId", o.account.value());
    d.put("ExchOrderNo", o.exchangeOrderId);
    d.put("OrderNo", o.id.value());
    d.put("Product", productCode(o.productType));
    d.put("TxnType", o.isBuy() ? "B" : "S");
    d.put("OrderType", orderTypeCode(o.orderType));
    d.put("Validity", o.validity);
    d.put("DiscQuantity", o.disclosedQuantity);
    d.put("DiscQtyRem", o.isOpen() ? Math.min(o.disclosedQuantity, o.remaining()) : 0);
    d.put("RemainingQuantity", o.remaining());
    d.put("Quantity", o.quantity);
    d.put("TradedQty", o.filled);
    d.put("Price", rupees(o.price.paise()));
    d.put("TriggerPrice", rupees(o.triggerPrice.paise()));
    d.put("TradedPrice", rupees(o.lastFillPrice.paise()));
    d.put("AvgTradedPrice", rupees(o.averagePrice().paise()));
    d.put("AlgoOrdNo", null);
    d.put("OffMktFlag", o.afterMarketOrder ? "1" : "0");
    d.put("OrderDateTime", WireTime.format(o.created));
    d.put("ExchOrderTime", WireTime.format(o.exchangeTime));
    d.put("LastUpdatedTime", WireTime.format(o.updated));
    d.put("Remarks", "");
    d.put("MktType", "NL");
    d.put("ReasonDescription", o.rejectReason.isEmpty() ? "CONFIRMED" : o.rejectReason);
    d.put("LegNo", 1);
    d.put("Instrument", instrument.instrument());
    d.put("Symbol", instrument.underlying());
    d.put("ProductName", o.productType);
    d.put("Status", status(o, settings));
    d.put("LotSize", instrument.lotSize());
    d.put("StrikePrice", instrument.strike().map(s -> (Object) rupees(s.paise())).orElse(null));
    d.put("ExpiryDate", instrument.expiry().map(e -> e + EXPIRY_TIME).orElse(WireTime.UNSET));
    d.put("OptType", instrument.optionType());
    d.put("DisplayName", instrument.displayName());
    d.put("Isin", "");
    d.put("Series", "");
    d.put("GoodTillDaysDate", o.created.toLocalDate().toString());
    d.put("RefLtp", rupees(refLtp.map(Price::paise).orElse(0L)));
    d.put("TickSize", rupees(instrument.tick().paise()));
    d.put("AlgoId", "0");
    d.put("Multiplier", 1);
    d.put("CorrelationId", o.correlationId);
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("Type", "order_alert");
    frame.put("Data", d);
    return JsonText.write(frame);
  }

  private static String status(BookOrder o, FakeSettings settings) {
    OrderStatus status = o.status == OrderStatus.PART_TRADED
        && settings.partialFill() == FakeSettings.PartialFill.PENDING ? OrderStatus.PENDING : o.status;
    return settings.statusCase() == FakeSettings.StatusCase.UPPER ? status.name() : mixedCase(status.name());
  }

  /** "PART_TRADED" becomes "Part_Traded", "CANCELLED" becomes "Cancelled". */
  private static String mixedCase(String upper) {
    StringBuilder text = new StringBuilder(upper.length());
    boolean wordStart = true;
    for (char c : upper.toCharArray()) {
      text.append(wordStart ? c : Character.toLowerCase(c));
      wordStart = c == '_';
    }
    return text.toString();
  }

  private static String productCode(String productType) {
    return switch (productType) {
      case "CNC" -> "C";
      case "INTRADAY" -> "I";
      case "MARGIN" -> "M";
      case "MTF" -> "F";
      case "CO" -> "V";
      case "BO" -> "B";
      default -> throw new IllegalStateException("validated product " + productType);
    };
  }

  private static String orderTypeCode(String orderType) {
    return switch (orderType) {
      case "LIMIT" -> "LMT";
      case "MARKET" -> "MKT";
      case "STOP_LOSS" -> "SL";
      case "STOP_LOSS_MARKET" -> "SLM";
      default -> throw new IllegalStateException("validated order type " + orderType);
    };
  }
}
