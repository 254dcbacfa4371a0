package io.copytrade.sqlite;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The copy_mappings table; rows are read by {@link MappingRow.Mapper}. Lists come oldest first; ties keep the
 * order of insertion.
 */
interface MappingDao {
  String COLUMNS = "correlation_id, leader_order_id, follower_account_id, step, exchange_segment, security_id,"
      + " side, leader_quantity, follower_quantity, sizing, state, follower_order_id, reason, created_at,"
      + " updated_at";
  String OLDEST_FIRST = " ORDER BY created_at, rowid";

  /** Only a duplicate correlation id is ignored (no row changed); any other constraint still fails it. */
  RowStatement<MappingRow> INSERT = RowStatement.of(MappingRow.class, "INSERT INTO copy_mappings (" + COLUMNS
      + ") VALUES (:correlationId, :leaderOrderId, :followerAccountId, :step, :exchangeSegment, :securityId,"
      + " :side, :leaderQuantity, :followerQuantity, :sizing, :state, :followerOrderId, :reason, :createdAt,"
      + " :updatedAt) ON CONFLICT (correlation_id) DO NOTHING");

  /** Changes nothing unless a row with every other column as given is stored. */
  RowStatement<MappingRow> UPDATE_PROGRESS = RowStatement.of(MappingRow.class, "UPDATE copy_mappings"
      + " SET state = :state, follower_order_id = :followerOrderId, reason = :reason, updated_at = :updatedAt"
      + " WHERE correlation_id = :correlationId AND leader_order_id = :leaderOrderId"
      + " AND follower_account_id = :followerAccountId AND step = :step AND exchange_segment = :exchangeSegment"
      + " AND security_id = :securityId AND side = :side AND leader_quantity = :leaderQuantity"
      + " AND follower_quantity = :followerQuantity AND sizing = :sizing AND created_at = :createdAt");

  @SqlQuery("SELECT " + COLUMNS + " FROM copy_mappings WHERE correlation_id = ?")
  Optional<MappingRow> find(String correlationId);

  @SqlQuery("SELECT " + COLUMNS + " FROM copy_mappings WHERE leader_order_id = ?" + OLDEST_FIRST)
  List<MappingRow> ofLeaderOrder(String leaderOrderId);

  @SqlQuery("SELECT " + COLUMNS + " FROM copy_mappings WHERE leader_order_id = ? AND follower_account_id = ?"
      + OLDEST_FIRST)
  List<MappingRow> ofLeaderOrderFor(String leaderOrderId, String follower);

  @SqlQuery("SELECT DISTINCT exchange_segment, security_id FROM copy_mappings"
      + " WHERE follower_account_id = ? AND state <> 'SKIPPED'")
  @RegisterConstructorMapper(InstrumentColumns.class)
  List<InstrumentColumns> instrumentsCopiedTo(String followerAccountId);

  @SqlQuery("SELECT " + COLUMNS + " FROM copy_mappings WHERE state IN (<states>)" + OLDEST_FIRST)
  List<MappingRow> inStates(@BindList("states") Collection<String> states);
}
