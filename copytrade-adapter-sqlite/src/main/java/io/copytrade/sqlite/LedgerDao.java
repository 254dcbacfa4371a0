package io.copytrade.sqlite;

import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.store.LedgerCopy;
import io.copytrade.ports.store.LedgerOrder;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What the position ledger reads: leader orders and copies of one position, and carried-forward figures. */
interface LedgerDao {
  /** A leader order as the ledger counts it. */
  record OrderFill(String orderId, String side, int quantity, int filledQuantity, String status) {
    LedgerOrder toLedgerOrder() {
      return new LedgerOrder(OrderId.of(orderId), Side.valueOf(side), Quantity.of(quantity),
          Quantity.of(filledQuantity), OrderStatus.valueOf(status));
    }
  }

  /** A copy with its leader order (the order columns null when it copies none) and its follower order's fill. */
  record CopyFill(@Nested MappingRow mapping, String orderProduct, String orderSide, Integer orderQuantity,
      Integer orderFilled, String orderStatus, Integer followerFilled) {
    LedgerCopy toLedgerCopy() {
      Optional<LedgerOrder> leader = Optional.ofNullable(orderStatus).map(status -> new LedgerOrder(
          OrderId.of(mapping.leaderOrderId()), Side.valueOf(orderSide), Quantity.of(orderQuantity),
          Quantity.of(orderFilled), OrderStatus.valueOf(status)));
      return new LedgerCopy(mapping.toMapping(), Optional.ofNullable(orderProduct).map(ProductType::valueOf),
          leader, Optional.ofNullable(followerFilled).map(Quantity::of));
    }
  }

  @SqlQuery("""
      SELECT order_id, side, quantity, filled_quantity, status FROM orders
      WHERE role = 'leader' AND account_id = ? AND exchange_segment = ? AND security_id = ? AND product = ?
          AND created_at >= ?
      ORDER BY rowid
      """)
  @RegisterConstructorMapper(OrderFill.class)
  List<OrderFill> leaderOrders(String account, String segment, String securityId, String product, long since);

  @SqlQuery("""
      SELECT m.*, o.product AS order_product, o.side AS order_side, o.quantity AS order_quantity,
          o.filled_quantity AS order_filled, o.status AS order_status, f.filled_quantity AS follower_filled
      FROM copy_mappings m
      LEFT JOIN orders o ON o.order_id = m.leader_order_id AND o.role = 'leader'
      LEFT JOIN orders f ON f.order_id = m.follower_order_id AND f.role = 'follower'
      WHERE m.follower_account_id = ? AND m.exchange_segment = ? AND m.security_id = ? AND m.created_at >= ?
      ORDER BY m.created_at, m.rowid
      """)
  @RegisterConstructorMapper(CopyFill.class)
  List<CopyFill> copies(String follower, String segment, String securityId, long since);

  /** @return false when the day's figures of the account were stored before */
  @SqlUpdate("INSERT INTO carried_forward_days (day, account_id, recorded_at) VALUES (?, ?, ?)"
      + " ON CONFLICT DO NOTHING")
  boolean recordDay(String day, String account, long at);

  @SqlUpdate("INSERT INTO carried_forward (day, account_id, exchange_segment, security_id, product, units)"
      + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET units = units + excluded.units")
  void addCarried(String day, String account, String segment, String securityId, String product, int units);

  @SqlQuery("SELECT units FROM carried_forward WHERE day = ? AND account_id = ? AND exchange_segment = ?"
      + " AND security_id = ? AND product = ?")
  Optional<Integer> carried(String day, String account, String segment, String securityId, String product);

  @SqlQuery("SELECT COUNT(*) > 0 FROM carried_forward_days WHERE day = ? AND account_id = ?")
  boolean dayRecorded(String day, String account);
}
