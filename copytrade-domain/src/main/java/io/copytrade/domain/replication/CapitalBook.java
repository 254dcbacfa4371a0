package io.copytrade.domain.replication;

import io.copytrade.ports.broker.AccountQueries;
import io.copytrade.ports.model.Funds;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caches each account's funds; refetches when older than maxAge by the given clock. Uses startOfDayLimit
 * (stable through the day, see design-notes) and falls back to available when sodLimit is zero. Thread-safe.
 *
 * <p>Accounts are told apart by their {@link AccountQueries} object, so pass the same object each time.
 */
public final class CapitalBook {
  static final String SOD_LIMIT = "sodLimit";
  static final String AVAILABLE = "availabelBalance";

  private final InstantSource clock;
  private final Duration maxAge;
  private final Map<AccountQueries, Fetched> cache = new ConcurrentHashMap<>();

  public CapitalBook(InstantSource clock, Duration maxAge) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative()) throw new IllegalArgumentException("maxAge < 0: " + maxAge);
  }

  /**
   * The account's capital, fetched at most maxAge ago; a failed fetch throws and caches nothing. Kept fresh
   * by {@link #refresh} off the path of a copy, it reads nothing.
   */
  public Capital capitalOf(AccountQueries account) {
    Fetched known = cache.get(account);
    if (known != null && !clock.instant().isAfter(known.at().plus(maxAge))) return known.capital();
    return refresh(account);
  }

  /** Fetches the account's capital now and keeps it; a failed fetch throws and leaves what was kept. */
  public Capital refresh(AccountQueries account) {
    Instant now = clock.instant();
    // Fetched outside any lock: two threads may both read the funds, which is harmless.
    Capital fresh = capitalIn(account.funds());
    cache.put(account, new Fetched(fresh, now));
    return fresh;
  }

  private static Capital capitalIn(Funds funds) {
    // availabelBalance drifts as positions open, so it sizes only when no start-of-day limit is given.
    return funds.startOfDayLimit().isPositive()
        ? new Capital(funds.startOfDayLimit(), SOD_LIMIT)
        : new Capital(funds.available(), AVAILABLE);
  }

  private record Fetched(Capital capital, Instant at) {}
}
