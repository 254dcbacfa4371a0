package io.copytrade.testkit;

import io.copytrade.ports.model.AccountId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Scripted misbehaviour, never random: each armed fault hits the next matching request of one account (the
 * account whose token it carries) and is then used up. Faults for the same account hit in the order armed.
 * Thread-safe.
 */
public final class Faults {
  /** What an armed fault does to the request it hits. */
  sealed interface Fault {
    /** Answers with Dhan's error body instead of handling the request. */
    record Respond(int httpStatus, String code, String message) implements Fault {}

    /** Waits, then handles the request normally. */
    record Delay(Duration delay) implements Fault {}

    /** Handles the request (an order is placed), then closes the connection without an answer. */
    record DropAfterAccept() implements Fault {}

    /** Handles the request (an order is placed), then holds the answer back for a while. */
    record AnswerLate(Duration delay) implements Fault {}
  }

  private record Armed(AccountId account, String method, String pathPrefix, Fault fault) {
    boolean hits(AccountId caller, String callMethod, String path) {
      return account.equals(caller) && method.equalsIgnoreCase(callMethod) && path.startsWith(pathPrefix);
    }
  }

  private final List<Armed> armed = new ArrayList<>();

  Faults() {}

  /** The account's next order placement: {@code POST /v2/orders} (and {@code /v2/orders/slicing}). */
  public FaultScript nextPlace(AccountId account) {
    return nextCall(account, "POST", "/v2/orders");
  }

  /**
   * The account's next call with this method whose path starts with {@code pathPrefix}, written in full
   * ("/v2/orders/") or relative to the REST base ("positions").
   */
  public FaultScript nextCall(AccountId account, String method, String pathPrefix) {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(method, "method");
    String prefix = pathPrefix.startsWith("/") ? pathPrefix : "/v2/" + pathPrefix;
    return new FaultScript(fault -> {
      synchronized (armed) {
        armed.add(new Armed(account, method, prefix, fault));
      }
    });
  }

  /** How many armed faults no request has hit yet: what was armed less this is what a test actually caused. */
  public int unused() {
    synchronized (armed) {
      return armed.size();
    }
  }

  /** Disarms every fault not yet used. */
  public void clear() {
    synchronized (armed) {
      armed.clear();
    }
  }

  /** Removes and answers the first fault this request hits. */
  Optional<Fault> take(AccountId account, String method, String path) {
    synchronized (armed) {
      for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
        Armed candidate = it.next();
        if (candidate.hits(account, method, path)) {
          it.remove();
          return Optional.of(candidate.fault());
        }
      }
      return Optional.empty();
    }
  }
}
