package io.copytrade.dhan.rest;

import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.ModifyRequest;
import io.copytrade.ports.model.OrderRequest;
import io.copytrade.ports.model.OrderType;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.model.Validity;
import java.math.BigDecimal;

/** Model to wire: every table for what we send. Absent values become null and are left out of the JSON. */
final class RequestMapper {
  private RequestMapper() {}

  static PlaceOrderJson place(OrderRequest request) {
    return new PlaceOrderJson(
        request.account().value(),
        request.correlationId().value(),
        side(request.side()),
        segment(request.instrument().segment()),
        product(request.product()),
        orderType(request.orderType()),
        validity(request.validity()),
        request.instrument().securityId().value(),
        request.quantity().units(),
        rupees(request.price()),
        request.triggerPrice().map(RequestMapper::rupees).orElse(null));
  }

  static ModifyOrderJson modify(ModifyRequest request) {
    return new ModifyOrderJson(
        request.account().value(),
        request.orderId().value(),
        orderType(request.orderType()),
        request.totalQuantity().units(),
        rupees(request.price()),
        request.triggerPrice().map(RequestMapper::rupees).orElse(null),
        validity(request.validity()));
  }

  static MarginRequestJson margin(OrderRequest request) {
    return new MarginRequestJson(
        request.account().value(),
        segment(request.instrument().segment()),
        side(request.side()),
        request.quantity().units(),
        product(request.product()),
        request.instrument().securityId().value(),
        rupees(request.price()),
        request.triggerPrice().map(RequestMapper::rupees).orElse(null));
  }

  /** Plain decimal rupees ({@code 112.5}, {@code 0}), written as a JSON number. */
  private static BigDecimal rupees(Price price) {
    return new BigDecimal(price.toRupeesText());
  }

  private static String side(Side side) {
    return switch (side) {
      case BUY -> "BUY";
      case SELL -> "SELL";
    };
  }

  private static String segment(ExchangeSegment segment) {
    return switch (segment) {
      case IDX_I -> "IDX_I";
      case NSE_EQ -> "NSE_EQ";
      case NSE_FNO -> "NSE_FNO";
      case NSE_CURRENCY -> "NSE_CURRENCY";
      case BSE_EQ -> "BSE_EQ";
      case BSE_FNO -> "BSE_FNO";
      case BSE_CURRENCY -> "BSE_CURRENCY";
      case MCX_COMM -> "MCX_COMM";
    };
  }

  private static String product(ProductType product) {
    return switch (product) {
      case CNC -> "CNC";
      case INTRADAY -> "INTRADAY";
      case MARGIN -> "MARGIN";
      case MTF -> "MTF";
      case CO -> "CO";
      case BO -> "BO";
    };
  }

  private static String orderType(OrderType type) {
    return switch (type) {
      case LIMIT -> "LIMIT";
      case MARKET -> "MARKET";
      case STOP_LOSS -> "STOP_LOSS";
      case STOP_LOSS_MARKET -> "STOP_LOSS_MARKET";
    };
  }

  private static String validity(Validity validity) {
    return switch (validity) {
      case DAY -> "DAY";
      case IOC -> "IOC";
    };
  }
}
