package io.copytrade.dhan.rest;

import static io.copytrade.dhan.wire.WireValues.modelValue;
import static io.copytrade.dhan.wire.WireValues.required;

import io.copytrade.dhan.wire.DhanCodes;
import io.copytrade.dhan.wire.WireValueException;
import io.copytrade.dhan.wire.WireValues;
import io.copytrade.ports.broker.PlacementResult;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.Funds;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.Margin;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderType;
import io.copytrade.ports.model.Position;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Profile;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.SecurityId;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.model.Trade;
import io.copytrade.ports.model.Validity;
import java.util.List;
import java.util.Optional;

/**
 * Wire to model: every table for what Dhan sends us. An unknown code is a {@link WireValueException}. The
 * account is the one we asked about, so records do not need to repeat it.
 */
final class ResponseMapper {
  private static final String HEALTHY_ORDER_REMARK = "CONFIRMED";

  private final AccountId account;

  ResponseMapper(AccountId account) {
    this.account = account;
  }

  PlacementResult accepted(OrderAckJson ack) {
    return new PlacementResult.Accepted(
        modelValue("orderId", ack.orderId(), OrderId::of), DhanCodes.orderStatus("orderStatus", ack.orderStatus()));
  }

  List<BrokerOrder> orders(List<OrderJson> orders) {
    return WireValues.each("order", orders, this::order);
  }

  /** At most one order answers a lookup; more would make "which one is ours" a guess. */
  Optional<BrokerOrder> single(OrderLookupJson lookup) {
    List<OrderJson> orders = lookup.orders();
    if (orders.size() > 1) throw WireValueException.unknown("order count", String.valueOf(orders.size()));
    return orders(orders).stream().findFirst();
  }

  private BrokerOrder order(OrderJson o) {
    Quantity quantity = modelValue("quantity", o.quantity(), Quantity::of);
    return new BrokerOrder(
        account,
        modelValue("orderId", o.orderId(), OrderId::of),
        WireValues.correlationId(o.correlationId()),
        DhanCodes.orderStatus("orderStatus", o.orderStatus()),
        side(o.transactionType()),
        instrument(o.exchangeSegment(), o.securityId()),
        product(o.productType()),
        orderType(o.orderType()),
        validity(o.validity()),
        quantity,
        WireValues.filledQuantity("filledQty", o.filledQty(), "quantity", quantity),
        WireValues.price("price", o.price()),
        WireValues.optionalPrice("triggerPrice", o.triggerPrice()),
        WireValues.optionalAveragePrice("averageTradedPrice", o.averageTradedPrice()),
        rejectReason(o.omsErrorDescription()),
        WireValues.istTimestamp("updateTime", o.updateTime()));
  }

  List<Trade> trades(List<TradeJson> trades) {
    return WireValues.each("trade", trades, this::trade);
  }

  private Trade trade(TradeJson t) {
    return new Trade(
        account,
        required("exchangeTradeId", t.exchangeTradeId()),
        modelValue("orderId", t.orderId(), OrderId::of),
        side(t.transactionType()),
        instrument(t.exchangeSegment(), t.securityId()),
        product(t.productType()),
        modelValue("tradedQuantity", t.tradedQuantity(), Quantity::of),
        WireValues.price("tradedPrice", t.tradedPrice()),
        WireValues.istTimestamp("exchangeTime", t.exchangeTime())
            .or(() -> WireValues.istTimestamp("createTime", t.createTime()))
            .orElseThrow(() -> WireValueException.missing("exchangeTime")));
  }

  List<Position> positions(List<PositionJson> positions) {
    return WireValues.each("position", positions, this::position);
  }

  private Position position(PositionJson p) {
    return new Position(
        account,
        instrument(p.exchangeSegment(), p.securityId()),
        product(p.productType()),
        required("netQty", p.netQty()),
        WireValues.averagePrice("buyAvg", p.buyAvg()),
        WireValues.averagePrice("sellAvg", p.sellAvg()),
        WireValues.money("realizedProfit", p.realizedProfit()),
        WireValues.money("unrealizedProfit", p.unrealizedProfit()),
        required("carryForwardBuyQty", p.carryForwardBuyQty()) - required("carryForwardSellQty",
            p.carryForwardSellQty()));
  }

  Funds funds(FundLimitJson f) {
    return new Funds(
        account,
        WireValues.money("availabelBalance", f.availabelBalance()),
        WireValues.money("sodLimit", f.sodLimit()),
        WireValues.money("utilizedAmount", f.utilizedAmount()));
  }

  /** The profile names whose token this is, so its client id is taken from the answer, not assumed. */
  static Profile profile(ProfileJson p) {
    return new Profile(
        modelValue("dhanClientId", p.dhanClientId(), AccountId::of),
        required("tokenValidity", p.tokenValidity()),
        p.activeSegment() == null ? "" : p.activeSegment());
  }

  static Margin margin(MarginJson m) {
    return new Margin(
        WireValues.money("totalMargin", m.totalMargin()),
        WireValues.money("availableBalance", m.availableBalance()),
        WireValues.money("insufficientBalance", m.insufficientBalance()));
  }

  private static InstrumentKey instrument(String segment, String securityId) {
    return new InstrumentKey(segment(segment), modelValue("securityId", securityId, SecurityId::of));
  }

  /** Dhan writes "CONFIRMED" (or nothing) here on orders that were not refused. */
  private static Optional<String> rejectReason(String description) {
    if (WireValues.isUnset(description) || description.trim().equalsIgnoreCase(HEALTHY_ORDER_REMARK)) {
      return Optional.empty();
    }
    return Optional.of(description.trim());
  }

  private static Side side(String text) {
    return switch (required("transactionType", text)) {
      case "BUY" -> Side.BUY;
      case "SELL" -> Side.SELL;
      default -> throw WireValueException.unknown("transactionType", text);
    };
  }

  private static ExchangeSegment segment(String text) {
    return switch (required("exchangeSegment", text)) {
      case "IDX_I" -> ExchangeSegment.IDX_I;
      case "NSE_EQ" -> ExchangeSegment.NSE_EQ;
      case "NSE_FNO" -> ExchangeSegment.NSE_FNO;
      case "NSE_CURRENCY" -> ExchangeSegment.NSE_CURRENCY;
      case "BSE_EQ" -> ExchangeSegment.BSE_EQ;
      case "BSE_FNO" -> ExchangeSegment.BSE_FNO;
      case "BSE_CURRENCY" -> ExchangeSegment.BSE_CURRENCY;
      case "MCX_COMM" -> ExchangeSegment.MCX_COMM;
      default -> throw WireValueException.unknown("exchangeSegment", text);
    };
  }

  private static ProductType product(String text) {
    return switch (required("productType", text)) {
      case "CNC" -> ProductType.CNC;
      case "INTRADAY" -> ProductType.INTRADAY;
      case "MARGIN" -> ProductType.MARGIN;
      case "MTF" -> ProductType.MTF;
      case "CO" -> ProductType.CO;
      case "BO" -> ProductType.BO;
      default -> throw WireValueException.unknown("productType", text);
    };
  }

  private static OrderType orderType(String text) {
    return switch (required("orderType", text)) {
      case "LIMIT" -> OrderType.LIMIT;
      case "MARKET" -> OrderType.MARKET;
      case "STOP_LOSS" -> OrderType.STOP_LOSS;
      case "STOP_LOSS_MARKET" -> OrderType.STOP_LOSS_MARKET;
      default -> throw WireValueException.unknown("orderType", text);
    };
  }

  private static Validity validity(String text) {
    return switch (required("validity", text)) {
      case "DAY" -> Validity.DAY;
      case "IOC" -> Validity.IOC;
      default -> throw WireValueException.unknown("validity", text);
    };
  }
}
