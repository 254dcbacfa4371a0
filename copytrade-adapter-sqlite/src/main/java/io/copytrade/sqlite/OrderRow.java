package io.copytrade.sqlite;

import static io.copytrade.sqlite.Columns.millis;
import static io.copytrade.sqlite.Columns.paise;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.OrderType;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.model.Validity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * An orders row: the latest state of one leader or follower order. Nullable: correlationId, triggerPricePaise,
 * avgPricePaise, rejectReason, and brokerUpdatedAt (known for leader orders only).
 */
record OrderRow(
    String orderId,
    String accountId,
    String role,
    String correlationId,
    String status,
    String side,
    String product,
    String orderType,
    String validity,
    String exchangeSegment,
    String securityId,
    int quantity,
    int filledQuantity,
    long pricePaise,
    Long triggerPricePaise,
    Long avgPricePaise,
    String rejectReason,
    Long brokerUpdatedAt,
    long createdAt,
    long updatedAt) {

  static OrderRow ofLeader(LeaderOrderUpdate u, Instant receivedAt) {
    return new OrderRow(
        u.orderId().value(),
        u.account().value(),
        "leader",
        u.correlationId().map(CorrelationId::value).orElse(null),
        u.status().name(),
        u.side().name(),
        u.product().name(),
        u.orderType().name(),
        u.validity().name(),
        u.instrument().segment().name(),
        u.instrument().securityId().value(),
        u.quantity().units(),
        u.filledQuantity().units(),
        u.price().paise(),
        paise(u.triggerPrice()),
        paise(u.averageTradedPrice()),
        null,
        millis(u.updatedAt()),
        millis(receivedAt),
        millis(receivedAt));
  }

  static OrderRow ofFollower(BrokerOrder o, Instant at) {
    return new OrderRow(
        o.orderId().value(),
        o.account().value(),
        "follower",
        o.correlationId().map(CorrelationId::value).orElse(null),
        o.status().name(),
        o.side().name(),
        o.product().name(),
        o.orderType().name(),
        o.validity().name(),
        o.instrument().segment().name(),
        o.instrument().securityId().value(),
        o.quantity().units(),
        o.filledQuantity().units(),
        o.price().paise(),
        paise(o.triggerPrice()),
        paise(o.averageTradedPrice()),
        o.rejectReason().orElse(null),
        null,
        millis(at),
        millis(at));
  }

  /** A follower order as recorded; its time is when it was recorded. */
  BrokerOrder toBrokerOrder() {
    return new BrokerOrder(AccountId.of(accountId), OrderId.of(orderId),
        Optional.ofNullable(correlationId).map(CorrelationId::of), OrderStatus.valueOf(status), Side.valueOf(side),
        InstrumentKey.of(ExchangeSegment.valueOf(exchangeSegment), securityId), ProductType.valueOf(product),
        OrderType.valueOf(orderType), Validity.valueOf(validity), Quantity.of(quantity), Quantity.of(filledQuantity),
        Price.ofPaise(pricePaise), Optional.ofNullable(triggerPricePaise).map(Price::ofPaise),
        Optional.ofNullable(avgPricePaise).map(Price::ofPaise), Optional.ofNullable(rejectReason),
        Optional.of(Instant.ofEpochMilli(updatedAt)));
  }

  /** Reads a row by its column names, as {@link MappingRow.Mapper} does and for the same reason. */
  static final class Mapper implements RowMapper<OrderRow> {
    @Override
    public OrderRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new OrderRow(rs.getString("order_id"), rs.getString("account_id"), rs.getString("role"),
          rs.getString("correlation_id"), rs.getString("status"), rs.getString("side"), rs.getString("product"),
          rs.getString("order_type"), rs.getString("validity"), rs.getString("exchange_segment"),
          rs.getString("security_id"), rs.getInt("quantity"), rs.getInt("filled_quantity"),
          rs.getLong("price_paise"), nullableLong(rs, "trigger_price_paise"), nullableLong(rs, "avg_price_paise"),
          rs.getString("reject_reason"), nullableLong(rs, "broker_updated_at"), rs.getLong("created_at"),
          rs.getLong("updated_at"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
      long value = rs.getLong(column);
      return rs.wasNull() ? null : value;
    }
  }
}
