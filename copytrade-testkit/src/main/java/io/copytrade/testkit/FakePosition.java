package io.copytrade.testkit;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.Price;

/**
 * An account's day position in one instrument and product, derived from its trades.
 *
 * @param positionType LONG, SHORT or CLOSED
 * @param netQty buyQty - sellQty; negative is short
 * @param buyAvg average buy price rounded to the paisa ({@link Price#ZERO} with no buys)
 * @param unrealizedProfit open quantity valued at the market price against its average
 */
public record FakePosition(
    AccountId account,
    InstrumentKey instrument,
    String productType,
    String positionType,
    int netQty,
    int buyQty,
    int sellQty,
    Price buyAvg,
    Price sellAvg,
    Money realizedProfit,
    Money unrealizedProfit) {}
