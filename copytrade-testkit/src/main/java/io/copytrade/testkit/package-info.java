/**
 * FakeDhan: an in-process fake of the Dhan broker that speaks DhanHQ API v2's real wire protocol on
 * loopback, written independently of the Dhan adapter so it can check it. {@link io.copytrade.testkit.FakeDhan}
 * serves REST (bare JSON, Dhan's error bodies and statuses), the detailed instrument master CSV and the
 * order-update WebSocket; {@link io.copytrade.testkit.FakeDhanExtension} gives JUnit 5 tests one per class.
 *
 * <p>Units: quantities are contracts (1 NIFTY lot = 65); prices and money are exact paise in
 * {@link io.copytrade.ports.model.Price} and {@link io.copytrade.ports.model.Money}, and rupee decimals only
 * on the wire. Wire strings (statuses, sides, products) appear as Dhan writes them. Behaviour the reference
 * leaves UNCONFIRMED is switchable in {@link io.copytrade.testkit.FakeSettings}. No nulls cross the public API.
 */
package io.copytrade.testkit;
