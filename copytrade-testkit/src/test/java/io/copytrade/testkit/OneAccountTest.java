package io.copytrade.testkit;

import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.Price;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A fake with the NIFTY demo chain listed (the 27650 CE at ₹113, above the test orders' limits, so they
 * rest) and one account with ₹10 lakh, spoken to over raw HTTP as its holder would.
 */
abstract class OneAccountTest {
  @RegisterExtension static final FakeDhanExtension dhan = new FakeDhanExtension();

  FakeAccount account;
  DhanHttp http;

  /** The account's client id. */
  abstract String client();

  @BeforeAll
  static void listChain() {
    dhan.instruments().niftyDemoChain();
  }

  @BeforeEach
  void openAccount() {
    dhan.market().price(FakeInstruments.NIFTY_27650_CE, Price.ofRupees("113.00"));
    account = dhan.account(client()).funds(Money.ofRupees("1000000"));
    http = DhanHttp.as(dhan.fake(), account);
  }
}
