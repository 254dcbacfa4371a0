package io.copytrade.domain.replication;

import io.copytrade.domain.sizing.Sizer;
import io.copytrade.domain.sizing.SizingDecision;
import io.copytrade.domain.sizing.SizingInput;
import io.copytrade.domain.sizing.SizingStrategy;
import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.Quantity;
import java.util.Optional;

/**
 * What a follower should hold in one position: the leader's net position there, sized as an entry of that
 * size would be. Empty when no size can be given: risk-based sizing budgets each order by its premium, so a
 * position made of several orders has no one size; an instrument missing from the catalogue has no lot.
 *
 * @param units signed: positive long, negative short
 * @param basis how it was reached, for the log and the audit
 */
record PositionTarget(Optional<Integer> units, String basis) {

  static PositionTarget flat() {
    return new PositionTarget(Optional.of(0), "leader holds none");
  }

  static PositionTarget of(int leaderNet, SizingStrategy strategy, Optional<Instrument> instrument,
      Capital leaderCapital, Capital followerCapital, Price premium) {
    if (leaderNet == 0) return flat();
    if (instrument.isEmpty()) {
      return new PositionTarget(Optional.empty(), "not in the instrument catalogue: no lot size to size by");
    }
    if (strategy instanceof SizingStrategy.RiskBased) {
      return new PositionTarget(Optional.empty(), strategy.name() + " sizes each order by its premium, not a"
          + " position");
    }
    SizingDecision decision = Sizer.size(strategy, new SizingInput(Quantity.of(Math.abs(leaderNet)),
        instrument.get().lotSize(), leaderCapital.amount(), followerCapital.amount(), premium));
    String sources = " [leader " + leaderCapital.source() + ", follower " + followerCapital.source() + "]";
    if (decision instanceof SizingDecision.Place place) {
      return new PositionTarget(Optional.of(Integer.signum(leaderNet) * place.quantity().units()),
          strategy.name() + ": " + place.basis() + sources);
    }
    return new PositionTarget(Optional.of(0), strategy.name() + ": " + ((SizingDecision.Skip) decision).reason()
        + sources);
  }

  /** How much of {@code held} to close: all of it on the wrong side, the excess on the right one. */
  int toClose(int held, int leaderNet) {
    if (held == 0) return 0;
    if (units.isEmpty()) return Integer.signum(held) == Integer.signum(leaderNet) ? 0 : Math.abs(held);
    int target = units.get();
    if (Integer.signum(target) != Integer.signum(held)) return Math.abs(held);
    return Math.max(0, Math.abs(held) - Math.abs(target));
  }

  /** How much to add on the target's side, after whatever is closed. */
  int toOpen(int held) {
    if (units.isEmpty() || units.get() == 0) return 0;
    int target = units.get();
    int kept = Integer.signum(held) == Integer.signum(target) ? Math.abs(held) : 0;
    return Math.max(0, Math.abs(target) - kept);
  }
}
