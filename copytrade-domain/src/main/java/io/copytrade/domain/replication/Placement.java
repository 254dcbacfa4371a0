package io.copytrade.domain.replication;

import io.copytrade.ports.broker.AuthenticationException;
import io.copytrade.ports.broker.BrokerException;
import io.copytrade.ports.broker.BrokerUnavailableException;
import io.copytrade.ports.broker.OutcomeUnknownException;
import io.copytrade.ports.broker.PlacementResult;
import io.copytrade.ports.broker.RateLimitException;
import io.copytrade.ports.broker.RequestRefusedException;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.OrderId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What became of one order write (a place or a modify), as the copy state it leads to. The broker adapter has
 * already turned Dhan's error codes into these answers: a refusal of the order (DH-905 bad input, DH-906) is
 * {@link PlacementResult.Rejected}, so REJECTED; a throttle (DH-904) after the client's own retries, or a
 * broker that could not be reached, leaves the copy INTENDED to be sent later; a refused token or account is
 * FAILED; an answer that says nothing of the order's fate (DH-907 to DH-910, 5xx, none at all) is UNKNOWN.
 *
 * @param outcome the audit log's words for it
 */
record Placement(CopyState state, Optional<PlacementResult.Accepted> accepted, Optional<String> reason,
    String outcome) {

  Optional<OrderId> orderId() {
    return accepted.map(PlacementResult.Accepted::orderId);
  }

  /**
   * A refusal as "code: reason". An order still in TRANSIT refuses a modify for now; the copy records it as
   * rejected and the leader order's next event (or its retry) brings the order to the leader's again.
   */
  static String refusal(PlacementResult result) {
    if (result instanceof PlacementResult.InTransit transit) return transit.code() + ": " + transit.reason();
    PlacementResult.Rejected rejected = (PlacementResult.Rejected) result;
    return rejected.code() + ": " + rejected.reason();
  }

  /** Makes the call once. Never retries: a retry is a decision for whoever resolves the copy's state. */
  static Placement attempt(Supplier<PlacementResult> write) {
    try {
      PlacementResult result = write.get();
      if (result instanceof PlacementResult.Accepted accepted) {
        return new Placement(CopyState.PLACED, Optional.of(accepted), Optional.empty(),
            "accepted " + accepted.orderId() + " " + accepted.status());
      }
      String reason = refusal(result);
      return new Placement(CopyState.REJECTED, Optional.empty(), Optional.of(reason), "rejected " + reason);
    } catch (BrokerUnavailableException | RateLimitException notYet) {
      // Not received, for a passing reason (throttled, unreachable, circuit open): nothing was placed, and the
      // copy stays an intent, which the in-flight resolution sends again once the broker shows it absent.
      return new Placement(CopyState.INTENDED, Optional.empty(), Optional.of(describe(notYet)),
          "not sent yet " + notYet.getClass().getSimpleName() + " " + describe(notYet));
    } catch (AuthenticationException | RequestRefusedException refused) {
      // Not received and not worth sending again as it is: a dead token (DH-901, DH-906 "Invalid Token"),
      // or an account the broker refuses (DH-902, DH-903, "Invalid IP"). What follows for the account (a stop
      // until its token changes, an alert) is decided by FollowerRun, which watches its writes for these.
      return new Placement(CopyState.FAILED, Optional.empty(), Optional.of(describe(refused)),
          "not sent " + refused.getClass().getSimpleName() + " " + describe(refused));
    } catch (RuntimeException mayHaveArrived) {
      // OutcomeUnknownException says so; any other failure (an unreadable answer, an adapter bug) came after
      // the request may have left, so it is unknown too. Only the correlation id can resolve it.
      String reason = mayHaveArrived instanceof OutcomeUnknownException
          ? describe(mayHaveArrived)
          : mayHaveArrived.getClass().getSimpleName() + ": " + describe(mayHaveArrived);
      return new Placement(CopyState.UNKNOWN, Optional.empty(), Optional.of(reason), "unknown " + reason);
    }
  }

  /** Refused before the broker took it, for a passing reason: nothing was placed, and it is to be sent again. */
  boolean deferred() {
    return state == CopyState.INTENDED;
  }

  /** The exception's message, with the broker's code when it has one and the message lacks it. */
  static String describe(RuntimeException e) {
    String message = Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
    if (e instanceof BrokerException broker) {
      return broker.code().filter(code -> !message.contains(code)).map(code -> code + ": " + message)
          .orElse(message);
    }
    return message;
  }
}
