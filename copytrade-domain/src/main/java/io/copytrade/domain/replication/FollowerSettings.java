package io.copytrade.domain.replication;

import io.copytrade.domain.risk.RiskRule;
import io.copytrade.domain.sizing.SizingStrategy;
import io.copytrade.ports.model.AccountId;
import java.util.List;
import java.util.Objects;

/** How one follower copies: its sizing strategy and the risk rules every copy must pass, in order. */
public record FollowerSettings(AccountId account, SizingStrategy sizing, List<RiskRule> riskRules) {
  public FollowerSettings {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(sizing, "sizing");
    riskRules = List.copyOf(riskRules);
  }
}
