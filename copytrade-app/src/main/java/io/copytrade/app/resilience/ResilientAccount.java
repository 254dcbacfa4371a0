package io.copytrade.app.resilience;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.Policy;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;
import io.copytrade.ports.broker.AccessToken;
import io.copytrade.ports.broker.AuthenticationException;
import io.copytrade.ports.broker.BrokerAccount;
import io.copytrade.ports.broker.BrokerUnavailableException;
import io.copytrade.ports.broker.OutcomeUnknownException;
import io.copytrade.ports.broker.PlacementResult;
import io.copytrade.ports.broker.RateLimitException;
import io.copytrade.ports.broker.TokenSource;
import io.copytrade.ports.broker.UnexpectedResponseException;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.Funds;
import io.copytrade.ports.model.Margin;
import io.copytrade.ports.model.ModifyRequest;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderRequest;
import io.copytrade.ports.model.Position;
import io.copytrade.ports.model.Profile;
import io.copytrade.ports.model.Trade;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account behind its policies. Reads: retry (transport failures and 429) → breaker → read limits.
 * Writes: retry only on 429 → breaker → order limits; an unknown outcome is never retried here.
 */
final class ResilientAccount implements BrokerAccount {
  private static final Logger log = LoggerFactory.getLogger(ResilientAccount.class);
  private final BrokerAccount delegate;
  private final TokenSource tokens;
  private final FailsafeExecutor<Object> reads;
  private final FailsafeExecutor<Object> writes;

  ResilientAccount(BrokerAccount delegate, TokenSource tokens, ResilienceSettings settings) {
    this.delegate = delegate;
    this.tokens = tokens;
    // Failures that say the broker is unwell; refusals and auth failures say nothing about its health.
    CircuitBreaker<Object> breaker = CircuitBreaker.builder()
        .handle(BrokerUnavailableException.class, OutcomeUnknownException.class,
            UnexpectedResponseException.class)
        .withFailureThreshold(settings.breakerFailures())
        .withDelay(settings.breakerOpen())
        .withSuccessThreshold(1)
        .build();
    this.reads = Failsafe.with(policies(
        retry(delegate.id(), settings, BrokerUnavailableException.class, RateLimitException.class), breaker,
        settings.readLimits(), settings));
    this.writes = Failsafe.with(policies(retry(delegate.id(), settings, RateLimitException.class), breaker,
        settings.orderLimits(), settings));
  }

  /** Backs off and tries again; each retry is logged (throttling is logged, never alerted on). */
  @SafeVarargs
  private static RetryPolicy<Object> retry(AccountId account, ResilienceSettings settings,
      Class<? extends Throwable>... retryable) {
    return RetryPolicy.builder()
        .handle(List.of(retryable))
        .withBackoff(settings.firstDelay(), settings.maxDelay(), 2.0)
        .withJitter(settings.jitter())
        .withMaxAttempts(settings.tries())
        .onRetry(event -> log.atWarn().addKeyValue("account", account)
            .addKeyValue("failed_attempts", event.getAttemptCount())
            .addKeyValue("problem", problem(event.getLastException())).log("broker_call_retried"))
        .build();
  }

  /** The failure's kind and message; broker exceptions' messages never hold a token. */
  private static String problem(Throwable failure) {
    return failure == null ? "-" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
  }

  private static List<Policy<Object>> policies(RetryPolicy<Object> retry, CircuitBreaker<Object> breaker,
      List<RateLimit> limits, ResilienceSettings settings) {
    List<Policy<Object>> chain = new ArrayList<>(List.of(retry, breaker));
    limits.forEach(limit -> chain.add(RateLimiter.burstyBuilder(limit.permits(), limit.period())
        .withMaxWaitTime(settings.permitWait()).build()));
    return chain;
  }

  /**
   * Runs the call under the policies. An authentication failure is tried once more if the token changed
   * meanwhile (rotated): Dhan refused the request, so nothing was placed and sending it again is safe.
   */
  private <T> T guarded(FailsafeExecutor<Object> executor, CheckedSupplier<T> call) {
    AccessToken used = tokens.current();
    try {
      return translated(executor, call);
    } catch (AuthenticationException e) {
      if (tokens.current().equals(used)) throw e;
      log.atInfo().addKeyValue("account", id()).log("auth_failed_token_rotated_retrying");
      return translated(executor, call);
    }
  }

  private <T> T translated(FailsafeExecutor<Object> executor, CheckedSupplier<T> call) {
    try {
      return executor.get(call);
    } catch (CircuitBreakerOpenException e) {
      throw new BrokerUnavailableException(null,
          "circuit open for account " + id() + " after repeated failures; nothing was sent", e);
    } catch (RateLimitExceededException e) {
      throw new RateLimitException(null,
          "client-side rate limit reached for account " + id() + "; nothing was sent");
    }
  }

  @Override
  public AccountId id() {
    return delegate.id();
  }

  @Override
  public PlacementResult place(OrderRequest request) {
    return guarded(writes, () -> delegate.place(request));
  }

  @Override
  public PlacementResult modify(ModifyRequest request) {
    return guarded(writes, () -> delegate.modify(request));
  }

  @Override
  public PlacementResult cancel(OrderId orderId) {
    return guarded(writes, () -> delegate.cancel(orderId));
  }

  @Override
  public Optional<BrokerOrder> findByCorrelationId(CorrelationId id) {
    return guarded(reads, () -> delegate.findByCorrelationId(id));
  }

  @Override
  public List<BrokerOrder> orderBook() {
    return guarded(reads, delegate::orderBook);
  }

  @Override
  public Optional<BrokerOrder> order(OrderId id) {
    return guarded(reads, () -> delegate.order(id));
  }

  @Override
  public List<Trade> trades() {
    return guarded(reads, delegate::trades);
  }

  @Override
  public List<Position> positions() {
    return guarded(reads, delegate::positions);
  }

  @Override
  public Funds funds() {
    return guarded(reads, delegate::funds);
  }

  @Override
  public Profile profile() {
    return guarded(reads, delegate::profile);
  }

  @Override
  public Margin margin(OrderRequest request) {
    return guarded(reads, () -> delegate.margin(request));
  }
}
