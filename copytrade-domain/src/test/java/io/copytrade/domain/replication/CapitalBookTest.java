package io.copytrade.domain.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copytrade.ports.broker.BrokerUnavailableException;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.Funds;
import io.copytrade.ports.model.Money;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CapitalBookTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-01-05T03:46:00Z"));
  private final CapitalBook book = new CapitalBook(clock, Duration.ofMinutes(5));

  private static Funds funds(String available, String sodLimit) {
    return new Funds(AccountId.of("A"), Money.ofRupees(available), Money.ofRupees(sodLimit), Money.ZERO);
  }

  @Test
  void sizesByTheStartOfDayLimitNotTheDriftingBalance() {
    FakeAccount account = new FakeAccount("A", "0").funds(() -> funds("90000", "250000"));
    assertThat(book.capitalOf(account)).isEqualTo(new Capital(Money.ofRupees("250000"), "sodLimit"));
  }

  @Test
  void fallsBackToAvailableWhenThereIsNoStartOfDayLimit() {
    FakeAccount account = new FakeAccount("A", "0").funds(() -> funds("90000", "0"));
    assertThat(book.capitalOf(account)).isEqualTo(new Capital(Money.ofRupees("90000"), "availabelBalance"));
  }

  @Test
  void servesFromCacheUntilOlderThanMaxAge() {
    FakeAccount account = new FakeAccount("A", "250000");
    book.capitalOf(account);
    clock.advance(Duration.ofMinutes(5));
    book.capitalOf(account);
    assertThat(account.fundsCalls).isEqualTo(1);

    clock.advance(Duration.ofMillis(1));
    book.capitalOf(account);
    assertThat(account.fundsCalls).isEqualTo(2);
  }

  @Test
  void aRefreshReadsNowAndKeepsTheNextCopyFromReading() {
    FakeAccount account = new FakeAccount("A", "250000");
    book.capitalOf(account);
    clock.advance(Duration.ofMinutes(4));
    book.refresh(account); // off the path of a copy, before the figure grows stale
    clock.advance(Duration.ofMinutes(4));

    assertThat(book.capitalOf(account).amount()).isEqualTo(Money.ofRupees("250000"));
    assertThat(account.fundsCalls).isEqualTo(2);
  }

  @Test
  void keepsAccountsApart() {
    FakeAccount small = new FakeAccount("SMALL", "1000");
    FakeAccount large = new FakeAccount("LARGE", "9000000");
    assertThat(book.capitalOf(small).amount()).isEqualTo(Money.ofRupees("1000"));
    assertThat(book.capitalOf(large).amount()).isEqualTo(Money.ofRupees("9000000"));
  }

  @Test
  void aFailedFetchIsNotCached() {
    boolean[] down = {true};
    FakeAccount account = new FakeAccount("A", "0").funds(() -> {
      if (down[0]) throw new BrokerUnavailableException(null, "connection refused", null);
      return funds("1", "250000");
    });
    assertThatThrownBy(() -> book.capitalOf(account)).hasMessage("connection refused");
    down[0] = false;
    assertThat(book.capitalOf(account).amount()).isEqualTo(Money.ofRupees("250000"));
  }
}
