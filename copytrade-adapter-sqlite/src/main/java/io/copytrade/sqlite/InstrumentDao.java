package io.copytrade.sqlite;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The instruments table. */
@RegisterConstructorMapper(InstrumentRow.class)
interface InstrumentDao {
  String COLUMNS = "exchange_segment, security_id, trading_symbol, underlying, instrument_type, lot_size,"
      + " tick_size_paise, expiry_date, strike_paise, option_type, freeze_quantity, updated_at";

  @SqlQuery("SELECT " + COLUMNS + " FROM instruments WHERE exchange_segment = ? AND security_id = ?")
  Optional<InstrumentRow> find(String exchangeSegment, String securityId);

  @SqlQuery("SELECT count(*) FROM instruments")
  long count();

  /** Every column but the key and the time of the last change. */
  List<String> TERMS = Arrays.stream(COLUMNS.split(",")).map(String::trim)
      .filter(column -> !List.of("exchange_segment", "security_id", "updated_at").contains(column))
      .toList();

  /**
   * A row whose terms are as stored is left alone (its {@code updated_at} says when it last changed): a
   * changed master rewrites the rows that changed, not all of them with their two indexes.
   */
  RowStatement<InstrumentRow> UPSERT = RowStatement.of(InstrumentRow.class, "INSERT INTO instruments ("
      + COLUMNS + ") VALUES (:exchangeSegment, :securityId, :tradingSymbol, :underlying, :instrumentType,"
      + " :lotSize, :tickSizePaise, :expiryDate, :strikePaise, :optionType, :freezeQuantity, :updatedAt)"
      + " ON CONFLICT (exchange_segment, security_id) DO UPDATE SET "
      + TERMS.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "))
      + ", updated_at = excluded.updated_at WHERE "
      + TERMS.stream().map(c -> c + " IS NOT excluded." + c).collect(Collectors.joining(" OR ")));

  RowStatement<InstrumentLoadRow> RECORD_LOAD = RowStatement.of(InstrumentLoadRow.class,
      "INSERT OR REPLACE INTO instrument_loads (id, fingerprint, instruments, checked_at)"
          + " VALUES (1, :fingerprint, :instruments, :checkedAt)");

  @SqlUpdate("UPDATE instrument_loads SET checked_at = :checkedAt WHERE fingerprint = :fingerprint")
  int confirm(@Bind("fingerprint") String fingerprint, @Bind("checkedAt") long checkedAt);

  @SqlQuery("SELECT fingerprint, instruments, checked_at FROM instrument_loads WHERE id = 1")
  @RegisterConstructorMapper(InstrumentLoadRow.class)
  Optional<InstrumentLoadRow> lastLoad();
}
