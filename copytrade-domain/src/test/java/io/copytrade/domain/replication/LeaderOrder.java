package io.copytrade.domain.replication;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.InstrumentType;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.LotSize;
import io.copytrade.ports.model.OptionType;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.OrderType;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.model.Validity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A leader order event, built from a NIFTY call buy and changed one fact at a time. */
record LeaderOrder(InstrumentKey instrument, OrderStatus status, OrderType type, int quantity, int filled,
    Price price, Optional<Price> trigger, Optional<Price> average) {
  static final OrderId ID = OrderId.of("L-1");
  static final InstrumentKey NIFTY_CE_KEY = InstrumentKey.of(ExchangeSegment.NSE_FNO, "35191");
  static final Instrument NIFTY_CE = new Instrument(NIFTY_CE_KEY, "NIFTY-Jan2026-25000-CE", "NIFTY",
      InstrumentType.OPTIDX, LotSize.of(65), Price.ofPaise(5), Optional.of(LocalDate.of(2026, 1, 6)),
      Optional.of(Price.ofRupees("25000")), Optional.of(OptionType.CALL), Optional.of(Quantity.of(1800)));

  /** Eight lots of NIFTY 25000 CE, limit 112.50, resting (PENDING). */
  static LeaderOrder buyEightLots() {
    return new LeaderOrder(NIFTY_CE_KEY, OrderStatus.PENDING, OrderType.LIMIT, 520, 0,
        Price.ofRupees("112.50"), Optional.empty(), Optional.empty());
  }

  LeaderOrder status(OrderStatus next) {
    return new LeaderOrder(instrument, next, type, quantity, filled, price, trigger, average);
  }

  LeaderOrder instrument(InstrumentKey other) {
    return new LeaderOrder(other, status, type, quantity, filled, price, trigger, average);
  }

  LeaderOrder market() {
    return new LeaderOrder(instrument, status, OrderType.MARKET, quantity, filled, Price.ZERO, trigger, average);
  }

  LeaderOrder stopLoss(String triggerRupees) {
    return new LeaderOrder(instrument, status, OrderType.STOP_LOSS, quantity, filled, price,
        Optional.of(Price.ofRupees(triggerRupees)), average);
  }

  LeaderOrder tradedAt(String averageRupees) {
    return new LeaderOrder(instrument, OrderStatus.TRADED, type, quantity, quantity, price, trigger,
        Optional.of(Price.ofRupees(averageRupees)));
  }

  LeaderOrderUpdate update() {
    return new LeaderOrderUpdate(AccountId.of("LEADER"), ID, status, Side.BUY, instrument, ProductType.INTRADAY,
        type, Validity.DAY, Quantity.of(quantity), Quantity.of(filled), price, trigger, average,
        Optional.of(InstrumentType.OPTIDX), Optional.of(LotSize.of(75)), Optional.empty(),
        Instant.parse("2026-01-05T03:45:59Z"));
  }
}
