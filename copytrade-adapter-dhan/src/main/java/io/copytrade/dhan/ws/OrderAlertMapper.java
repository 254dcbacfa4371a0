package io.copytrade.dhan.ws;

import static io.copytrade.dhan.wire.WireValues.modelValue;
import static io.copytrade.dhan.wire.WireValues.required;

import io.copytrade.dhan.wire.DhanCodes;
import io.copytrade.dhan.wire.WireValueException;
import io.copytrade.dhan.wire.WireValues;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.InstrumentType;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.LotSize;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderType;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.SecurityId;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.model.Validity;
import java.time.Instant;
import java.util.Optional;

/** Order-alert wire to model: every table of the socket's one-letter codes. */
final class OrderAlertMapper {
  private OrderAlertMapper() {}

  /** The socket is the leader's own, so the update belongs to {@code account}. */
  static LeaderOrderUpdate update(AccountId account, OrderAlertJson alert) {
    Quantity quantity = modelValue("Quantity", alert.quantity(), Quantity::of);
    return new LeaderOrderUpdate(
        account,
        modelValue("OrderNo", alert.orderNo(), OrderId::of),
        DhanCodes.orderStatus("Status", alert.status()),
        side(alert.txnType()),
        new InstrumentKey(
            DhanCodes.segment(required("Exchange", alert.exchange()), required("Segment", alert.segment())),
            modelValue("SecurityId", alert.securityId(), SecurityId::of)),
        product(alert.product()),
        orderType(alert.orderType()),
        validity(alert.validity()),
        quantity,
        WireValues.filledQuantity("TradedQty", alert.tradedQty(), "Quantity", quantity),
        WireValues.price("Price", alert.price()),
        WireValues.optionalPrice("TriggerPrice", alert.triggerPrice()),
        WireValues.optionalAveragePrice("AvgTradedPrice", alert.avgTradedPrice()),
        instrumentType(alert.instrument()),
        lotSize(alert.lotSize()),
        WireValues.correlationId(alert.correlationId()),
        updatedAt(alert));
  }

  /** A new order may not have been updated yet; then it was last changed when Dhan received it. */
  private static Instant updatedAt(OrderAlertJson alert) {
    return WireValues.istTimestamp("LastUpdatedTime", alert.lastUpdatedTime())
        .or(() -> WireValues.istTimestamp("OrderDateTime", alert.orderDateTime()))
        .orElseThrow(() -> WireValueException.missing("LastUpdatedTime"));
  }

  private static Optional<InstrumentType> instrumentType(String text) {
    return WireValues.isUnset(text) ? Optional.empty() : Optional.of(DhanCodes.instrumentType("Instrument", text));
  }

  private static Optional<LotSize> lotSize(Integer units) {
    return units == null || units == 0 ? Optional.empty() : Optional.of(modelValue("LotSize", units, LotSize::of));
  }

  private static Side side(String text) {
    return switch (required("TxnType", text)) {
      case "B" -> Side.BUY;
      case "S" -> Side.SELL;
      default -> throw WireValueException.unknown("TxnType", text);
    };
  }

  private static ProductType product(String text) {
    return switch (required("Product", text)) {
      case "C" -> ProductType.CNC;
      case "I" -> ProductType.INTRADAY;
      case "M" -> ProductType.MARGIN;
      case "F" -> ProductType.MTF;
      case "V" -> ProductType.CO;
      case "B" -> ProductType.BO;
      default -> throw WireValueException.unknown("Product", text);
    };
  }

  private static OrderType orderType(String text) {
    return switch (required("OrderType", text)) {
      case "LMT" -> OrderType.LIMIT;
      case "MKT" -> OrderType.MARKET;
      case "SL" -> OrderType.STOP_LOSS;
      case "SLM" -> OrderType.STOP_LOSS_MARKET;
      default -> throw WireValueException.unknown("OrderType", text);
    };
  }

  private static Validity validity(String text) {
    return switch (required("Validity", text)) {
      case "DAY" -> Validity.DAY;
      case "IOC" -> Validity.IOC;
      default -> throw WireValueException.unknown("Validity", text);
    };
  }
}
