package io.copytrade.sqlite;

import java.util.Optional;
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

  @SqlUpdate("INSERT OR REPLACE INTO instrument_loads (id, fingerprint, instruments, checked_at)"
      + " VALUES (1, :fingerprint, :instruments, :checkedAt)")
  void recordLoad(@BindRow InstrumentLoadRow load);

  @SqlUpdate("UPDATE instrument_loads SET checked_at = :checkedAt WHERE fingerprint = :fingerprint")
  int confirm(@Bind("fingerprint") String fingerprint, @Bind("checkedAt") long checkedAt);

  @SqlQuery("SELECT fingerprint, instruments, checked_at FROM instrument_loads WHERE id = 1")
  @RegisterConstructorMapper(InstrumentLoadRow.class)
  Optional<InstrumentLoadRow> lastLoad();
}
