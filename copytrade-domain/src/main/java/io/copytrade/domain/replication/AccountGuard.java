package io.copytrade.domain.replication;

import io.copytrade.domain.replication.ReplicationResult.AccountRefusal;
import io.copytrade.ports.broker.AuthenticationException;
import io.copytrade.ports.broker.PlacementResult;
import io.copytrade.ports.broker.RequestRefusedException;
import io.copytrade.ports.model.AccountId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Watches one follower's writes in one event for refusals of the account rather than of an order: a refused
 * token (nothing more is sent for it in this event) or an account the broker refuses. The caller decides what
 * follows for the account from {@link #refusals()}.
 */
final class AccountGuard {
  private final AccountId account;
  private final List<AccountRefusal> refusals = new ArrayList<>();
  /** Set once the follower's token was refused in this run: its remaining writes are not sent. */
  private Optional<AuthenticationException> tokenRefused = Optional.empty();

  AccountGuard(AccountId account) {
    this.account = account;
  }

  List<AccountRefusal> refusals() {
    return refusals;
  }

  /**
   * The order write, watched for a refusal of the account rather than of the order. Once the token was refused
   * in this run, the writes left (further slices) are not sent: each fails with that reason. The refusal
   * itself still fails its copy (see {@link Placement}); what follows for the account is the caller's.
   */
  Supplier<PlacementResult> watched(Supplier<PlacementResult> write) {
    return () -> {
      if (tokenRefused.isPresent()) {
        AuthenticationException first = tokenRefused.get();
        throw new AuthenticationException(first.code().orElse(null),
            "not sent: the account's token was refused on an earlier write: " + first.getMessage());
      }
      try {
        return write.get();
      } catch (AuthenticationException refused) {
        tokenRefused(refused);
        throw refused;
      } catch (RequestRefusedException refused) {
        accessRefused(refused);
        throw refused;
      }
    };
  }

  void tokenRefused(AuthenticationException refused) {
    if (tokenRefused.isPresent()) return;
    tokenRefused = Optional.of(refused);
    refusals.add(AccountRefusal.of(account, AccountRefusal.Kind.TOKEN, refused));
  }

  void accessRefused(RequestRefusedException refused) {
    if (refusals.stream().anyMatch(r -> r.kind() == AccountRefusal.Kind.ACCESS)) return;
    refusals.add(AccountRefusal.of(account, AccountRefusal.Kind.ACCESS, refused));
  }
}
