package io.copytrade.dhan;

import io.copytrade.ports.broker.AccessToken;
import io.copytrade.ports.broker.Credentials;
import io.copytrade.ports.broker.TokenSource;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.OrderRequest;
import io.copytrade.ports.model.OrderType;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.model.Validity;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;

/** Values the reference's samples use, and a token that is easy to spot anywhere it leaks. */
final class Fixtures {
  static final AccountId ACCOUNT = AccountId.of("1000000001");
  static final String TOKEN =
      "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzUxMiJ9.eyJpc3MiOiJkaGFuIn0.SECRET-token-never-in-messages-7f3a";
  static final Credentials CREDENTIALS = new Credentials(ACCOUNT, TokenSource.fixed(new AccessToken(TOKEN)));
  static final InstrumentKey NIFTY_CE = InstrumentKey.of(ExchangeSegment.NSE_FNO, "35191");
  /** Reconnects within milliseconds, so a test never waits on a real backoff. */
  static final Backoff FAST_BACKOFF =
      new Backoff(Duration.ofMillis(1), BigDecimal.ONE, BigDecimal.ZERO, Duration.ofMillis(5));

  private Fixtures() {}

  /** The reference's example place request (§2.2). */
  static OrderRequest limitBuy() {
    return new OrderRequest(ACCOUNT, CorrelationId.of("cp-7f3a-0001"), Side.BUY, NIFTY_CE, ProductType.MARGIN,
        OrderType.LIMIT, Validity.DAY, Quantity.of(65), Price.ofRupees("112.5"), Optional.empty());
  }

  /** Everything a throwable prints: messages, causes, suppressed exceptions. */
  static String printed(Throwable failure) {
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
