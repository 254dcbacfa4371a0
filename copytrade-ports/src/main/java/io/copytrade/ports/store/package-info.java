/**
 * The copy store: durable copy intents and mappings, leader order events, broker snapshots and the
 * append-only audit log. Writes are committed when the method returns, so an intent stored before a broker
 * call survives a crash. No secrets are stored. No nulls cross a port.
 */
package io.copytrade.ports.store;
