package io.copytrade.domain.replication;

import io.copytrade.domain.filter.EntryFilters;
import io.copytrade.domain.risk.RiskRule;
import io.copytrade.domain.sizing.SizingStrategy;
import io.copytrade.ports.model.AccountId;
import java.util.List;
import java.util.Objects;

/**
 * How one follower copies: its sizing strategy, the risk rules every entry must pass (in order), the copy
 * mode, the entry filters, and whether it takes new entries at all. Filters, risk rules and the enabled
 * flag apply to entries only: exits always flow. {@code reconcile} says what position reconciliation may do
 * about a position that differs from its target.
 *
 * <p>Defaults (the three-argument constructor): {@link CopyMode#ORDERS}, {@link EntryFilters#DEFAULTS},
 * enabled, {@link ReconcilePolicy#ALERT}.
 */
public record FollowerSettings(AccountId account, SizingStrategy sizing, List<RiskRule> riskRules,
    CopyMode copyMode, EntryFilters filters, boolean enabled, ReconcilePolicy reconcile) {
  public FollowerSettings {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(sizing, "sizing");
    riskRules = List.copyOf(riskRules);
    Objects.requireNonNull(copyMode, "copyMode");
    Objects.requireNonNull(filters, "filters");
    Objects.requireNonNull(reconcile, "reconcile");
  }

  public FollowerSettings(AccountId account, SizingStrategy sizing, List<RiskRule> riskRules,
      CopyMode copyMode, EntryFilters filters, boolean enabled) {
    this(account, sizing, riskRules, copyMode, filters, enabled, ReconcilePolicy.ALERT);
  }

  public FollowerSettings(AccountId account, SizingStrategy sizing, List<RiskRule> riskRules) {
    this(account, sizing, riskRules, CopyMode.ORDERS, EntryFilters.DEFAULTS, true);
  }

  public FollowerSettings withCopyMode(CopyMode next) {
    return new FollowerSettings(account, sizing, riskRules, next, filters, enabled, reconcile);
  }

  public FollowerSettings withFilters(EntryFilters next) {
    return new FollowerSettings(account, sizing, riskRules, copyMode, next, enabled, reconcile);
  }

  public FollowerSettings withEnabled(boolean next) {
    return new FollowerSettings(account, sizing, riskRules, copyMode, filters, next, reconcile);
  }

  public FollowerSettings withReconcile(ReconcilePolicy next) {
    return new FollowerSettings(account, sizing, riskRules, copyMode, filters, enabled, next);
  }
}
