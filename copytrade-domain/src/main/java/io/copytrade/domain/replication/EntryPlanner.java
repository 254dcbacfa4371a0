package io.copytrade.domain.replication;

import io.copytrade.domain.risk.RiskCheck;
import io.copytrade.domain.risk.RiskDecision;
import io.copytrade.domain.risk.RiskRules;
import io.copytrade.domain.sizing.Sizer;
import io.copytrade.domain.sizing.SizingDecision;
import io.copytrade.domain.sizing.SizingInput;
import io.copytrade.ports.broker.AccountQueries;
import io.copytrade.ports.instrument.InstrumentCatalogue;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.OrderRequest;
import io.copytrade.ports.model.Price;
import java.util.Optional;

/** Decides a follower's copy of a new leader order: instrument, capital, sizing, then risk rules. */
final class EntryPlanner {
  private final InstrumentCatalogue instruments;
  private final AccountQueries leader;
  private final CapitalBook capital;

  EntryPlanner(InstrumentCatalogue instruments, AccountQueries leader, CapitalBook capital) {
    this.instruments = instruments;
    this.leader = leader;
    this.capital = capital;
  }

  EntryDecision decide(LeaderOrderUpdate update, Follower follower, CorrelationId id) {
    String strategy = follower.settings().sizing().name();
    Optional<Instrument> instrument = instruments.find(update.instrument());
    if (instrument.isEmpty()) {
      return new EntryDecision.Skip("instrument " + update.instrument() + " is not in the instrument catalogue",
          strategy + ": not sized");
    }
    Capital leaderCapital = capital.capitalOf(leader);
    Capital followerCapital = capital.capitalOf(follower.broker());
    Price premium = premium(update);
    SizingDecision sized = Sizer.size(follower.settings().sizing(), new SizingInput(update.quantity(),
        instrument.get().lotSize(), leaderCapital.amount(), followerCapital.amount(), premium));
    // Which capital figures sized the copy is recorded with it: they differ in how much they drift.
    String sources = " [leader " + leaderCapital.source() + ", follower " + followerCapital.source() + "]";
    if (sized instanceof SizingDecision.Skip skip) {
      return new EntryDecision.Skip(skip.reason(), strategy + ": " + skip.reason() + sources);
    }
    SizingDecision.Place place = (SizingDecision.Place) sized;
    String sizing = strategy + ": " + place.basis() + sources;
    RiskDecision risk = RiskRules.firstRejection(follower.settings().riskRules(),
        new RiskCheck(place.quantity(), premium, followerCapital.amount(), instrument.get()));
    if (risk instanceof RiskDecision.Reject reject) return new EntryDecision.Skip(reject.reason(), sizing);
    return new EntryDecision.Send(new OrderRequest(follower.settings().account(), id, update.side(),
        update.instrument(), update.product(), update.orderType(), update.validity(), place.quantity(),
        update.price(), update.triggerPrice()), sizing);
  }

  /** The order's limit price, else its average traded price, else its trigger; zero when none is known. */
  static Price premium(LeaderOrderUpdate update) {
    if (!update.price().isZero()) return update.price();
    return update.averageTradedPrice().filter(price -> !price.isZero())
        .or(update::triggerPrice)
        .orElse(Price.ZERO);
  }
}
