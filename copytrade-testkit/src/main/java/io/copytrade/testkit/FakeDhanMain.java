package io.copytrade.testkit;

import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.Price;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a FakeDhan on its own: a leader (1000000001, ₹10,00,000) and a follower (1000000002, ₹2,50,000), the
 * NIFTY demo chain with prices, and a banner with the endpoints and the demo tokens. Serves until killed.
 */
public final class FakeDhanMain {
  private FakeDhanMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "fake-dhan-logback.xml");
    }
    FakeDhan dhan = FakeDhan.start();
    Runtime.getRuntime().addShutdownHook(new Thread(dhan::close, "fake-dhan-shutdown"));
    dhan.instruments().niftyDemoChain();
    dhan.market().price(FakeInstruments.NIFTY_27650_CE, Price.ofRupees("112.50"))
        .price(FakeInstruments.NIFTY_27650_PE, Price.ofRupees("98.05"))
        .price(FakeInstruments.BANKNIFTY_61000_CE, Price.ofRupees("250.00"));
    FakeAccount leader = dhan.account("1000000001").funds(Money.ofRupees("1000000"));
    FakeAccount follower = dhan.account("1000000002").funds(Money.ofRupees("250000"));
    banner(System.out, dhan, leader, follower);
    new CountDownLatch(1).await();
  }

  /** The one place the fake prints tokens: they are fake demo tokens, and a client needs them. */
  private static void banner(PrintStream out, FakeDhan dhan, FakeAccount leader, FakeAccount follower) {
    out.println("FakeDhan (DhanHQ API v2 fake) is running. Ctrl-C to stop.");
    out.println("  REST base           " + dhan.restBase());
    out.println("  order-update socket " + dhan.orderUpdateSocket());
    out.println("  instrument master   " + dhan.instrumentMaster());
    for (FakeAccount account : new FakeAccount[] {leader, follower}) {
      out.println("  client " + account.id() + " funds " + account.startOfDayLimit() + " demo token "
          + account.token());
    }
    out.flush();
  }
}
