package io.copytrade.sqlite;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.BatchChunkSize;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The instruments table. */
@RegisterConstructorMapper(InstrumentRow.class)
interface InstrumentDao {
  String COLUMNS = "exchange_segment, security_id, trading_symbol, underlying, instrument_type, lot_size,"
      + " tick_size_paise, expiry_date, strike_paise, option_type, freeze_quantity, updated_at";

  /** Chunked: the instrument master has a few hundred thousand rows. */
  @SqlBatch("INSERT OR REPLACE INTO instruments (" + COLUMNS + ") VALUES (:exchangeSegment, :securityId,"
      + " :tradingSymbol, :underlying, :instrumentType, :lotSize, :tickSizePaise, :expiryDate, :strikePaise,"
      + " :optionType, :freezeQuantity, :updatedAt)")
  @BatchChunkSize(1000)
  void upsert(@BindRow List<InstrumentRow> rows);

  @SqlQuery("SELECT " + COLUMNS + " FROM instruments WHERE exchange_segment = ? AND security_id = ?")
  Optional<InstrumentRow> find(String exchangeSegment, String securityId);

  @SqlQuery("SELECT count(*) FROM instruments")
  long count();
}
