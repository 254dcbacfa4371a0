/**
 * Ports for instrument facts: lot size, tick size, expiry, freeze quantity, all from Dhan's instrument
 * master and never hard-coded. No nulls cross a port.
 */
package io.copytrade.ports.instrument;
