package io.copytrade.domain.replication;

import io.copytrade.ports.model.AccountId;
import java.util.List;
import java.util.Objects;

/**
 * What one run of {@link ReconcilePositions} found: a check per position it answers for, the followers it
 * could not reconcile at all (a broker or store call failed; nothing was sent for them), and the leader's
 * positions where the ledger and the broker disagree.
 */
public record Reconciliation(String run, List<PositionCheck> checks, List<FollowerFailure> failures,
    List<LedgerCheck.Difference> ledger) {
  public Reconciliation {
    Objects.requireNonNull(run, "run");
    checks = List.copyOf(checks);
    failures = List.copyOf(failures);
    ledger = List.copyOf(ledger);
  }

  /** Checks with this outcome. */
  public List<PositionCheck> with(PositionCheck.Outcome outcome) {
    return checks.stream().filter(check -> check.outcome() == outcome).toList();
  }

  /** Reconciling {@code follower} failed with {@code error}. */
  public record FollowerFailure(AccountId follower, RuntimeException error) {
    public FollowerFailure {
      Objects.requireNonNull(follower, "follower");
      Objects.requireNonNull(error, "error");
    }
  }
}
