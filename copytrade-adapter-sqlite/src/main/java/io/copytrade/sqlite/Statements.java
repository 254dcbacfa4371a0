package io.copytrade.sqlite;

import org.jdbi.v3.core.Handle;

/** The store's queries on one connection; its row writes are {@link RowStatement}s. */
record Statements(Handle handle, MappingDao mappings, OrderDao orders, InstrumentDao instruments,
    ConfigDao config, LedgerDao ledger) {

  static Statements on(Handle handle) {
    Handle mapped = handle.registerRowMapper(MappingRow.class, new MappingRow.Mapper())
        .registerRowMapper(OrderRow.class, new OrderRow.Mapper());
    return new Statements(mapped, mapped.attach(MappingDao.class), mapped.attach(OrderDao.class),
        mapped.attach(InstrumentDao.class), mapped.attach(ConfigDao.class), mapped.attach(LedgerDao.class));
  }
}
