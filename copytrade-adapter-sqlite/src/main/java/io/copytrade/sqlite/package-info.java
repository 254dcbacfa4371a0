/**
 * The copy store on one SQLite file: {@link io.copytrade.sqlite.SqliteStore}, migrated by Flyway from
 * {@code db/migration}, with package-private JDBI data-access interfaces and the row records they read and
 * write.
 *
 * <p>Units in the file: money and prices are INTEGER paise, quantities INTEGER contracts, times INTEGER epoch
 * milliseconds (UTC), model enums their names. An absent {@link java.util.Optional} is a NULL column and a
 * NULL column an empty Optional: no nulls cross a port. No token is ever stored.
 */
package io.copytrade.sqlite;
