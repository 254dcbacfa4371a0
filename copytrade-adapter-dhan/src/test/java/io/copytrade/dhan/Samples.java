package io.copytrade.dhan;

/** Response bodies in the shapes the reference documents (§2-§4), sentinels included. */
final class Samples {
  private Samples() {}

  static final String PLACE_BODY = "{\"dhanClientId\":\"1000000001\",\"correlationId\":\"cp-7f3a-0001\","
      + "\"transactionType\":\"BUY\",\"exchangeSegment\":\"NSE_FNO\",\"productType\":\"MARGIN\",\"orderType\":\"LIMIT\","
      + "\"validity\":\"DAY\",\"securityId\":\"35191\",\"quantity\":65,\"price\":112.5}";

  static final String PLACED = "{\"orderId\":\"1124091136546\",\"orderStatus\":\"TRANSIT\"}";

  /** §2.4, with the measured sentinels: "NA", 0001-01-01 dates, "CONFIRMED", zero trigger price. */
  static final String ORDER = "{\"dhanClientId\":\"1000000001\",\"orderId\":\"1124091136546\","
      + "\"exchangeOrderId\":\"1100000012345678\",\"correlationId\":\"cp-7f3a-0001\",\"orderStatus\":\"TRADED\","
      + "\"transactionType\":\"BUY\",\"exchangeSegment\":\"NSE_FNO\",\"productType\":\"MARGIN\",\"orderType\":\"LIMIT\","
      + "\"validity\":\"DAY\",\"tradingSymbol\":\"\",\"securityId\":\"35191\",\"quantity\":65,\"disclosedQuantity\":0,"
      + "\"price\":112.5,\"triggerPrice\":0.0,\"afterMarketOrder\":false,\"boProfitValue\":0.0,\"boStopLossValue\":0.0,"
      + "\"legName\":\"NA\",\"createTime\":\"2026-11-24 10:15:02\",\"updateTime\":\"2026-11-24 10:15:03\","
      + "\"exchangeTime\":\"0001-01-01 00:00:00\",\"drvExpiryDate\":\"0001-01-01\",\"drvOptionType\":\"NA\","
      + "\"drvStrikePrice\":0.0,\"omsErrorCode\":\"\",\"omsErrorDescription\":\"CONFIRMED\",\"algoId\":\"\","
      + "\"remainingQuantity\":0,\"averageTradedPrice\":112.45,\"filledQty\":65}";

  static final String REJECTED_ORDER = "{\"orderId\":\"1124091136547\",\"correlationId\":\"1000000001-17324235020001234\","
      + "\"orderStatus\":\"REJECTED\",\"transactionType\":\"SELL\",\"exchangeSegment\":\"NSE_FNO\","
      + "\"productType\":\"INTRADAY\",\"orderType\":\"STOP_LOSS\",\"validity\":\"IOC\",\"securityId\":\"35191\","
      + "\"quantity\":130,\"price\":98.05,\"triggerPrice\":98.1,\"averageTradedPrice\":0,\"filledQty\":0,"
      + "\"omsErrorDescription\":\"RMS:1124091136547:Order Price needs to be Circuit Limits\","
      + "\"updateTime\":\"0001-01-01 00:00:00\"}";

  static final String TRADES = "[{\"dhanClientId\":\"1000000001\",\"orderId\":\"1124091136546\","
      + "\"exchangeOrderId\":\"1100000012345678\",\"exchangeTradeId\":\"15432\",\"transactionType\":\"BUY\","
      + "\"exchangeSegment\":\"NSE_FNO\",\"productType\":\"MARGIN\",\"orderType\":\"LIMIT\","
      + "\"tradingSymbol\":\"NIFTY-Dec2026-27650-CE\",\"customSymbol\":\"NIFTY 01 DEC 27650 CALL\","
      + "\"securityId\":\"35191\",\"tradedQuantity\":65,\"tradedPrice\":112.45,\"createTime\":\"2026-11-24 10:15:03\","
      + "\"updateTime\":\"2026-11-24 10:15:03\",\"exchangeTime\":\"2026-11-24 10:15:03\","
      + "\"drvExpiryDate\":\"2026-12-01\",\"drvOptionType\":\"CALL\",\"drvStrikePrice\":27650.0}]";

  /** Averages off the tick grid and floating-point noise in profit, as Dhan computes them; 65 carried in. */
  static final String POSITIONS = "[{\"dhanClientId\":\"1000000001\",\"tradingSymbol\":\"NIFTY-Dec2026-27650-CE\","
      + "\"securityId\":\"35191\",\"positionType\":\"LONG\",\"exchangeSegment\":\"NSE_FNO\",\"productType\":\"MARGIN\","
      + "\"buyAvg\":112.475,\"costPrice\":112.475,\"buyQty\":130,\"sellAvg\":0.0,\"sellQty\":0,\"netQty\":130,"
      + "\"realizedProfit\":0.0,\"unrealizedProfit\":-3.2500000001,\"rbiReferenceRate\":1.0,\"multiplier\":1,"
      + "\"carryForwardBuyQty\":195,\"carryForwardSellQty\":130,\"carryForwardBuyValue\":21933.75,"
      + "\"carryForwardSellValue\":14625.0,\"dayBuyQty\":65,\"daySellQty\":0,\"dayBuyValue\":7310.875,"
      + "\"daySellValue\":0.0,\"drvExpiryDate\":\"2026-12-01\",\"drvOptionType\":\"CALL\",\"drvStrikePrice\":27650.0,"
      + "\"crossCurrency\":false}]";

  /** §3.3, verbatim. */
  static final String FUND_LIMIT = "{\"dhanClientId\":\"1000000001\",\"availabelBalance\":98440.0,"
      + "\"sodLimit\":113642.0,\"collateralAmount\":0.0,\"receiveableAmount\":0.0,\"utilizedAmount\":15202.0,"
      + "\"blockedPayoutAmount\":0.0,\"withdrawableBalance\":98310.0}";

  /** §1.5, verbatim. */
  static final String PROFILE = "{\"dhanClientId\":\"1000000001\",\"tokenValidity\":\"30/03/2025 15:37\","
      + "\"activeSegment\":\"Equity, Derivative, Currency, Commodity\",\"ddpi\":\"Active\",\"mtf\":\"Active\","
      + "\"dataPlan\":\"Active\",\"dataValidity\":\"2024-12-05 09:37:52.0\"}";

  static final String MARGIN = "{\"totalMargin\":145000.5,\"spanMargin\":100000.0,\"exposureMargin\":45000.5,"
      + "\"availableBalance\":98440.0,\"variableMargin\":0.0,\"insufficientBalance\":46560.5,\"brokerage\":20.0,"
      + "\"leverage\":\"4.00\"}";

  /** The order-update socket's example frame (§5.2), verbatim. */
  static final String ORDER_ALERT = "{\"Type\":\"order_alert\",\"Data\":{\"Exchange\":\"NSE\",\"Segment\":\"D\","
      + "\"Source\":\"P\",\"SecurityId\":\"35191\",\"ClientId\":\"1000000001\",\"ExchOrderNo\":\"1100000012345678\","
      + "\"OrderNo\":\"5125112412345\",\"Product\":\"M\",\"TxnType\":\"B\",\"OrderType\":\"LMT\",\"Validity\":\"DAY\","
      + "\"DiscQuantity\":0,\"DiscQtyRem\":0,\"RemainingQuantity\":0,\"Quantity\":65,\"TradedQty\":65,\"Price\":112.5,"
      + "\"TriggerPrice\":0,\"TradedPrice\":112.45,\"AvgTradedPrice\":112.45,\"AlgoOrdNo\":null,\"OffMktFlag\":\"0\","
      + "\"OrderDateTime\":\"2026-11-24 10:15:02\",\"ExchOrderTime\":\"2026-11-24 10:15:02\","
      + "\"LastUpdatedTime\":\"2026-11-24 10:15:03\",\"Remarks\":\"\",\"MktType\":\"NL\",\"ReasonDescription\":\"CONFIRMED\","
      + "\"LegNo\":1,\"Instrument\":\"OPTIDX\",\"Symbol\":\"NIFTY\",\"ProductName\":\"MARGIN\",\"Status\":\"TRADED\","
      + "\"LotSize\":65,\"StrikePrice\":27650.0,\"ExpiryDate\":\"2026-12-01 14:30:00\",\"OptType\":\"CE\","
      + "\"DisplayName\":\"NIFTY 01 DEC 27650 CALL\",\"Isin\":\"\",\"Series\":\"\",\"GoodTillDaysDate\":\"2026-11-24\","
      + "\"RefLtp\":112.4,\"TickSize\":0.05,\"AlgoId\":\"0\",\"Multiplier\":1,\"CorrelationId\":\"cp-7f3a-0001\"}}";

  static String error(String type, String code, String message) {
    return "{\"errorType\":\"" + type + "\",\"errorCode\":\"" + code + "\",\"errorMessage\":\"" + message + "\"}";
  }
}
