package io.copytrade.sqlite;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The orders and order_events tables. */
interface OrderDao {
  /**
   * Inserts the order or replaces its state, keeping created_at. A state older than the stored one is
   * ignored, so a late frame cannot undo a newer one: fewer fills, or an open state after a dead one, is
   * older; more fills, or a dead state after an open one, is newer; otherwise Dhan's time, then ours, decide
   * (the rule of the domain's event order: stamps from the book and from frames may disagree).
   */
  RowStatement<OrderRow> UPSERT = RowStatement.of(OrderRow.class, """
      INSERT INTO orders (order_id, account_id, role, correlation_id, status, side, product, order_type,
          validity, exchange_segment, security_id, quantity, filled_quantity, price_paise, trigger_price_paise,
          avg_price_paise, reject_reason, broker_updated_at, created_at, updated_at)
      VALUES (:orderId, :accountId, :role, :correlationId, :status, :side, :product, :orderType, :validity,
          :exchangeSegment, :securityId, :quantity, :filledQuantity, :pricePaise, :triggerPricePaise,
          :avgPricePaise, :rejectReason, :brokerUpdatedAt, :createdAt, :updatedAt)
      ON CONFLICT (order_id) DO UPDATE SET
          account_id = excluded.account_id, role = excluded.role, correlation_id = excluded.correlation_id,
          status = excluded.status, side = excluded.side, product = excluded.product,
          order_type = excluded.order_type, validity = excluded.validity,
          exchange_segment = excluded.exchange_segment, security_id = excluded.security_id,
          quantity = excluded.quantity, filled_quantity = excluded.filled_quantity,
          price_paise = excluded.price_paise, trigger_price_paise = excluded.trigger_price_paise,
          avg_price_paise = excluded.avg_price_paise, reject_reason = excluded.reject_reason,
          broker_updated_at = excluded.broker_updated_at, updated_at = excluded.updated_at
      WHERE excluded.filled_quantity >= orders.filled_quantity
          AND NOT (orders.status IN ('TRADED', 'CANCELLED', 'REJECTED', 'EXPIRED')
              AND excluded.status IN ('TRANSIT', 'PENDING', 'PART_TRADED'))
          AND (excluded.filled_quantity > orders.filled_quantity
              OR (excluded.status IN ('TRADED', 'CANCELLED', 'REJECTED', 'EXPIRED')
                  AND orders.status IN ('TRANSIT', 'PENDING', 'PART_TRADED'))
              OR (COALESCE(excluded.broker_updated_at, 0), excluded.updated_at)
                  >= (COALESCE(orders.broker_updated_at, 0), orders.updated_at))
      """);

  /** The order's latest state kept by {@link #UPSERT} (a late frame never undoes a newer one). */
  @SqlQuery("SELECT status FROM orders WHERE order_id = ? AND role = 'leader'")
  Optional<String> leaderStatus(String orderId);

  @SqlQuery("SELECT * FROM orders WHERE order_id = ? AND role = 'follower'")
  Optional<OrderRow> followerOrder(String orderId);

  @SqlQuery("SELECT * FROM orders WHERE account_id = ? AND role = 'follower'")
  List<OrderRow> followerOrders(String accountId);

  /** NULL when no event of the order is stored. */
  @SqlQuery("SELECT MAX(filled_quantity) FROM order_events WHERE order_id = ?")
  Integer handledFill(String orderId);

  /** Changes no row when the same frame (see uq_order_events_frame) was stored before. */
  RowStatement<OrderEventRow> INSERT_EVENT = RowStatement.of(OrderEventRow.class, """
      INSERT INTO order_events (order_id, status, quantity, filled_quantity, price_paise, trigger_price_paise,
          avg_price_paise, event_ts, received_ts)
      VALUES (:orderId, :status, :quantity, :filledQuantity, :pricePaise, :triggerPricePaise, :avgPricePaise,
          :eventTs, :receivedTs)
      ON CONFLICT DO NOTHING
      """);
}
