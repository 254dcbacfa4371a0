package io.copytrade.sqlite;

import org.jdbi.v3.core.Handle;

/** The store's statements on one connection. */
record Statements(Handle handle, MappingDao mappings, OrderDao orders, SnapshotDao snapshots,
    InstrumentDao instruments, AuditDao auditLog, ConfigDao config, LedgerDao ledger) {

  static Statements on(Handle handle) {
    Handle mapped = handle.registerRowMapper(MappingRow.class, new MappingRow.Mapper())
        .registerRowMapper(OrderRow.class, new OrderRow.Mapper());
    return new Statements(mapped, mapped.attach(MappingDao.class), mapped.attach(OrderDao.class),
        mapped.attach(SnapshotDao.class), mapped.attach(InstrumentDao.class), mapped.attach(AuditDao.class),
        mapped.attach(ConfigDao.class), mapped.attach(LedgerDao.class));
  }
}
