package io.copytrade.bench;

import io.copytrade.dhan.DhanEndpoints;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.Price;
import io.copytrade.testkit.FakeAccount;
import io.copytrade.testkit.FakeDhan;
import io.copytrade.testkit.FakeOrderSpec;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * One FakeDhan on loopback, set for copying: the NIFTY demo chain priced at 112.50, a leader and followers
 * with ₹10 lakh each (so every copy is the leader's 1 lot), and {@link CopyTimes} listening on its wire. The
 * leader's orders are 1-lot limit buys at 100.00 that rest, rotating over the chain's six options.
 */
final class Desk implements AutoCloseable {
  static final Money CAPITAL = Money.ofRupees("1000000");
  private static final int LOT = 65;
  private static final List<InstrumentKey> CHAIN = IntStream.rangeClosed(35189, 35194)
      .mapToObj(id -> InstrumentKey.of(ExchangeSegment.NSE_FNO, Integer.toString(id))).toList();

  final FakeDhan dhan;
  final FakeAccount leader;
  final List<FakeAccount> followers;
  final CopyTimes times;

  private Desk(FakeDhan dhan, int followerCount) {
    this.dhan = dhan;
    dhan.instruments().niftyDemoChain();
    CHAIN.forEach(key -> dhan.market().price(key, Price.ofRupees("112.50")));
    this.leader = dhan.account("1000000001").funds(CAPITAL);
    this.followers = IntStream.rangeClosed(1, followerCount)
        .mapToObj(i -> dhan.account(String.format(Locale.ROOT, "2%09d", i)).funds(CAPITAL)).toList();
    this.times = new CopyTimes(leader.id(), followers.stream().map(FakeAccount::id).toList());
    dhan.wireListener(times);
  }

  static Desk open(int followers) {
    return new Desk(FakeDhan.start(), followers);
  }

  /** The leader's {@code n}-th order (from 0), placed through the fake's REST API as its holder would. */
  OrderId leaderPlaces(int n) {
    return leader.places(FakeOrderSpec.buy(CHAIN.get(n % CHAIN.size())).quantity(LOT).limit("100.00")
        .product("MARGIN"));
  }

  DhanEndpoints endpoints() {
    return new DhanEndpoints(dhan.restBase(), dhan.orderUpdateSocket(), dhan.instrumentMaster());
  }

  @Override
  public void close() {
    dhan.close();
  }
}
