package io.copytrade.testkit;

import static io.copytrade.testkit.JsonText.rupees;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.Price;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** REST response bodies, field for field as in the reference (§2.4, §2.5, §3), as maps for {@link JsonText}. */
final class RestRecords {
  private static final DateTimeFormatter TOKEN_VALIDITY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private RestRecords() {}

  static Map<String, Object> placed(OrderId id, String status) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderId", id.value());
    body.put("orderStatus", status);
    return body;
  }

  /** The order record of the order book, by id and by correlation id. */
  static Map<String, Object> order(BookOrder o) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("dhanClientId", o.account.value());
    r.put("orderId", o.id.value());
    r.put("exchangeOrderId", o.exchangeOrderId);
    r.put("correlationId", o.correlationId);
    r.put("orderStatus", o.status.name());
    r.put("transactionType", o.side);
    r.put("exchangeSegment", o.instrument.key().segment().name());
    r.put("productType", o.productType);
    r.put("orderType", o.orderType);
    r.put("validity", o.validity);
    r.put("tradingSymbol", o.instrument.tradingSymbol());
    r.put("securityId", o.instrument.key().securityId().value());
    r.put("quantity", o.quantity);
    r.put("disclosedQuantity", o.disclosedQuantity);
    r.put("price", rupees(o.price.paise()));
    r.put("triggerPrice", rupees(o.triggerPrice.paise()));
    r.put("afterMarketOrder", o.afterMarketOrder);
    r.put("boProfitValue", rupees(0));
    r.put("boStopLossValue", rupees(0));
    r.put("legName", "NA");
    r.put("createTime", WireTime.format(o.created));
    r.put("updateTime", WireTime.format(o.updated));
    r.put("exchangeTime", WireTime.format(o.exchangeTime));
    putDerivative(r, o.instrument, "NA");
    r.put("omsErrorCode", o.rejectReason.isEmpty() ? "" : "RMS");
    r.put("omsErrorDescription", o.rejectReason.isEmpty() ? "CONFIRMED" : o.rejectReason);
    r.put("algoId", "0");
    r.put("remainingQuantity", o.remaining());
    r.put("averageTradedPrice", rupees(o.averagePrice().paise()));
    r.put("filledQty", o.filled);
    return r;
  }

  static Map<String, Object> trade(Fill f) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("dhanClientId", f.account().value());
    r.put("orderId", f.orderId().value());
    r.put("exchangeOrderId", f.exchangeOrderId());
    r.put("exchangeTradeId", f.tradeId());
    r.put("transactionType", f.side());
    r.put("exchangeSegment", f.instrument().key().segment().name());
    r.put("productType", f.productType());
    r.put("orderType", f.orderType());
    r.put("tradingSymbol", f.instrument().tradingSymbol());
    r.put("customSymbol", f.instrument().displayName());
    r.put("securityId", f.instrument().key().securityId().value());
    r.put("tradedQuantity", f.quantity());
    r.put("tradedPrice", rupees(f.price().paise()));
    r.put("createTime", WireTime.format(f.time()));
    r.put("updateTime", WireTime.format(f.time()));
    r.put("exchangeTime", WireTime.format(f.time()));
    putDerivative(r, f.instrument(), "NA");
    return r;
  }

  /** A day position: no carry-forward in the fake, so the day figures are the whole figures. */
  static Map<String, Object> position(PositionTally t, Optional<Price> ltp) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("dhanClientId", t.account.value());
    r.put("tradingSymbol", t.instrument.tradingSymbol());
    r.put("securityId", t.instrument.key().securityId().value());
    r.put("positionType", t.positionType());
    r.put("exchangeSegment", t.instrument.key().segment().name());
    r.put("productType", t.productType);
    r.put("buyAvg", rupees(t.buyAvg().paise()));
    r.put("costPrice", rupees((t.netQty() >= 0 ? t.buyAvg() : t.sellAvg()).paise()));
    r.put("buyQty", t.buyQty);
    r.put("sellAvg", rupees(t.sellAvg().paise()));
    r.put("sellQty", t.sellQty);
    r.put("netQty", t.netQty());
    r.put("realizedProfit", rupees(t.realizedProfit().paise()));
    r.put("unrealizedProfit", rupees(t.unrealizedProfit(ltp).paise()));
    r.put("rbiReferenceRate", rupees(100));
    r.put("multiplier", 1);
    r.put("carryForwardBuyQty", 0);
    r.put("carryForwardSellQty", 0);
    r.put("carryForwardBuyValue", rupees(0));
    r.put("carryForwardSellValue", rupees(0));
    r.put("dayBuyQty", t.buyQty);
    r.put("daySellQty", t.sellQty);
    r.put("dayBuyValue", rupees(t.buyValuePaise));
    r.put("daySellValue", rupees(t.sellValuePaise));
    putDerivative(r, t.instrument, null);
    r.put("crossCurrency", false);
    return r;
  }

  /** Note the wire's own spellings: {@code availabelBalance}, {@code receiveableAmount}. */
  static Map<String, Object> funds(AccountId account, Money startOfDay, Money utilized) {
    long available = startOfDay.paise() - utilized.paise();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("dhanClientId", account.value());
    r.put("availabelBalance", rupees(available));
    r.put("sodLimit", rupees(startOfDay.paise()));
    r.put("collateralAmount", rupees(0));
    r.put("receiveableAmount", rupees(0));
    r.put("utilizedAmount", rupees(utilized.paise()));
    r.put("blockedPayoutAmount", rupees(0));
    r.put("withdrawableBalance", rupees(Math.max(0, available)));
    return r;
  }

  static Map<String, Object> profile(AccountId account, LocalDateTime tokenExpiry) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("dhanClientId", account.value());
    r.put("tokenValidity", tokenExpiry.format(TOKEN_VALIDITY));
    r.put("activeSegment", "Equity, Derivative, Currency, Commodity");
    r.put("ddpi", "Active");
    r.put("mtf", "Active");
    r.put("dataPlan", "Active");
    r.put("dataValidity", WireTime.format(tokenExpiry) + ".0");
    return r;
  }

  /** Margin as premium: quantity x price for either side (the fake has no SPAN). */
  static Map<String, Object> margin(long requiredPaise, long availablePaise) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("totalMargin", rupees(requiredPaise));
    r.put("spanMargin", rupees(0));
    r.put("exposureMargin", rupees(0));
    r.put("availableBalance", rupees(availablePaise));
    r.put("variableMargin", rupees(0));
    r.put("insufficientBalance", rupees(Math.max(0, requiredPaise - availablePaise)));
    r.put("brokerage", rupees(2000));
    r.put("leverage", "1.00");
    return r;
  }

  /**
   * Expiry, option type and strike with Dhan's sentinels; orders and trades say "NA" for a non-option's type,
   * positions null.
   */
  private static void putDerivative(Map<String, Object> r, InstrumentRow instrument, String noOptionType) {
    r.put("drvExpiryDate", instrument.expiry().map(Object::toString).orElse(InstrumentRow.NO_DATE));
    r.put("drvOptionType", optionName(instrument).orElse(noOptionType));
    r.put("drvStrikePrice", rupees(instrument.strike().map(Price::paise).orElse(0L)));
  }

  private static Optional<String> optionName(InstrumentRow instrument) {
    if (!instrument.isOption()) return Optional.empty();
    return Optional.of(instrument.optionType().equals("CE") ? "CALL" : "PUT");
  }
}
