package io.copytrade.domain.risk;

/** One named pre-trade limit. Implementations are immutable values. */
public interface RiskRule {
  /** The rule's configuration name, e.g. "max_position_size_pct". */
  String name();

  RiskDecision check(RiskCheck check);
}
