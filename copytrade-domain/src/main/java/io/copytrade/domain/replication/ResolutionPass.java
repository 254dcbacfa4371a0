package io.copytrade.domain.replication;

import static io.copytrade.domain.replication.ReplicationResult.joined;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.store.CopyMapping;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What one pass of {@link ResolveInFlightCopies} did.
 *
 * @param resolved copies moved to what the broker shows (found by correlation id or in the order book), or to
 *     FAILED because the leader no longer calls for them (the reason says why)
 * @param placed copies sent again now under their own correlation id, in the state the broker's answer led
 *     to (UNKNOWN again when that answer was lost too)
 * @param pending copies left as they were, and why: not shown by the broker yet but still inside the TRANSIT
 *     window, or not decidable (a follower without an account in this run)
 * @param failures copies whose resolution failed (a broker or store call threw); nothing was changed for them
 */
public record ResolutionPass(List<CopyMapping> resolved, List<CopyMapping> placed, List<Pending> pending,
    List<Failure> failures) {
  static final ResolutionPass NOTHING = new ResolutionPass(List.of(), List.of(), List.of(), List.of());

  public ResolutionPass {
    resolved = List.copyOf(resolved);
    placed = List.copyOf(placed);
    pending = List.copyOf(pending);
    failures = List.copyOf(failures);
  }

  /** Nothing is left in flight: no pending copy, no failure, and no re-sent copy whose answer was lost again. */
  public boolean settled() {
    return pending.isEmpty() && failures.isEmpty() && placed.stream().noneMatch(c -> c.state() == CopyState.UNKNOWN);
  }

  /**
   * Leader orders whose copies this pass changed. The leader may have modified or cancelled them while the
   * copies were in flight, so each should be handled again (its current state from the leader's order book)
   * by {@link ReplicateLeaderOrder}, which brings the copies to it. Reconciliation orders follow no leader
   * order and are left out.
   */
  public Set<OrderId> leaderOrdersToReplay() {
    Set<OrderId> orders = new LinkedHashSet<>();
    Stream.concat(resolved.stream(), placed.stream())
        .filter(copy -> Step.parse(copy.step()).filter(Step::isReconciliation).isEmpty())
        .forEach(copy -> orders.add(copy.leaderOrderId()));
    return orders;
  }

  ResolutionPass plus(ResolutionPass other) {
    return new ResolutionPass(joined(resolved, other.resolved), joined(placed, other.placed),
        joined(pending, other.pending), joined(failures, other.failures));
  }

  /** A copy left in flight because of {@code reason}. */
  public record Pending(CopyMapping copy, String reason) {
    public Pending {
      Objects.requireNonNull(copy, "copy");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Resolving copy {@code correlationId} of {@code follower} failed with {@code error}. */
  public record Failure(AccountId follower, CorrelationId correlationId, RuntimeException error) {
    public Failure {
      Objects.requireNonNull(follower, "follower");
      Objects.requireNonNull(correlationId, "correlationId");
      Objects.requireNonNull(error, "error");
    }
  }
}
