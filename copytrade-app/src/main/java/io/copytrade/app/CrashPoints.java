package io.copytrade.app;

import io.copytrade.ports.broker.BrokerAccount;
import io.copytrade.ports.store.CopyStore;
import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only: named points of the copy pipeline where the crash tests kill the engine with SIGKILL.
 * {@code COPYTRADE_TEST_CRASH_AT=after-intent:2} makes the second arrival at that point print
 * {@code crash-point after-intent reached} to stderr and stop there until killed. Unset (always, outside
 * tests) the engine gets its store and accounts back untouched.
 */
final class CrashPoints {
  static final String VARIABLE = "COPYTRADE_TEST_CRASH_AT";
  static final CrashPoints NONE = new CrashPoints(Optional.empty(), 0, System.err);

  /** Where each point is: around storing the intent, and after the broker answered a placement. */
  enum Point { BEFORE_INTENT, AFTER_INTENT, AFTER_ANSWER }

  private final Optional<Point> point;
  private final int arrival;
  private final PrintStream err;
  private final AtomicInteger arrivals = new AtomicInteger();

  private CrashPoints(Optional<Point> point, int arrival, PrintStream err) {
    this.point = point;
    this.arrival = arrival;
    this.err = err;
  }

  static CrashPoints from(Map<String, String> env, PrintStream err) {
    String spec = env.get(VARIABLE);
    if (spec == null || spec.isBlank()) return NONE;
    String[] parts = spec.trim().split(":", 2);
    try {
      Point point = Point.valueOf(parts[0].toUpperCase(Locale.ROOT).replace('-', '_'));
      return new CrashPoints(Optional.of(point), parts.length == 2 ? Integer.parseInt(parts[1]) : 1, err);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(VARIABLE + " must be before-intent, after-intent or after-answer[:n], was '"
          + spec + "'");
    }
  }

  CopyStore store(CopyStore store) {
    if (point.isEmpty() || point.get() == Point.AFTER_ANSWER) return store;
    return proxy(CopyStore.class, store, (method, args, call) -> {
      if (!method.getName().equals("recordIntent")) return call.run();
      if (point.get() == Point.BEFORE_INTENT) reach();
      Object recorded = call.run();
      if (Boolean.TRUE.equals(recorded)) reach();
      return recorded;
    });
  }

  BrokerAccount account(BrokerAccount account) {
    if (point.isEmpty() || point.get() != Point.AFTER_ANSWER) return account;
    return proxy(BrokerAccount.class, account, (method, args, call) -> {
      Object answer = call.run();
      if (method.getName().equals("place")) reach();
      return answer;
    });
  }

  private void reach() {
    if (arrivals.incrementAndGet() != arrival) return;
    err.println("crash-point " + point.get().name().toLowerCase(Locale.ROOT).replace('_', '-')
        + " reached");
    err.flush();
    try {
      new CountDownLatch(1).await(); // until SIGKILL
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private interface Around {
    Object apply(Method method, Object[] args, Call call) throws Throwable;
  }

  private interface Call {
    Object run() throws Throwable;
  }

  private static <T> T proxy(Class<T> type, T target, Around around) {
    InvocationHandler handler = (self, method, args) -> around.apply(method, args, () -> {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    });
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
