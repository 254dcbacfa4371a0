package io.copytrade.domain.replication;

import io.copytrade.domain.filter.EntryContext;
import io.copytrade.domain.filter.FilterDecision;
import io.copytrade.domain.risk.RiskCheck;
import io.copytrade.domain.risk.RiskDecision;
import io.copytrade.domain.risk.RiskRules;
import io.copytrade.domain.sizing.Sizer;
import io.copytrade.domain.sizing.SizingDecision;
import io.copytrade.domain.sizing.SizingInput;
import io.copytrade.ports.broker.AccountQueries;
import io.copytrade.ports.instrument.InstrumentCatalogue;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.OrderType;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.Quantity;
import java.time.InstantSource;
import java.util.Optional;

/** Decides a follower's entry: instrument, filters, capital, sizing, then risk rules. */
final class EntryPlanner {
  /** The margin calculator wants a whole order; this id is never placed. */
  private static final String MARGIN_PROBE = "margin-probe";

  private final InstrumentCatalogue instruments;
  private final AccountQueries leader;
  private final CapitalBook capital;
  private final InstantSource clock;

  EntryPlanner(InstrumentCatalogue instruments, AccountQueries leader, CapitalBook capital, InstantSource clock) {
    this.instruments = instruments;
    this.leader = leader;
    this.capital = capital;
    this.clock = clock;
  }

  /**
   * One entry to decide.
   *
   * @param leaderShare the leader quantity this entry follows (all of a new order, or what is beyond flat,
   *     or what has filled so far)
   * @param alreadyPlaced what the follower already has under way for it; only more than this is sent
   * @param copyingEnabled the global switch
   */
  record Ask(LeaderOrderUpdate update, Follower follower, Quantity leaderShare, Quantity alreadyPlaced,
      OrderTerms terms, boolean copyingEnabled) {}

  EntryDecision decide(Ask ask) {
    FollowerSettings settings = ask.follower().settings();
    String notSized = settings.sizing().name() + ": not sized";
    Optional<Instrument> found = instruments.find(ask.update().instrument());
    if (found.isEmpty()) {
      return new EntryDecision.Skip("instrument " + ask.update().instrument()
          + " is not in the instrument catalogue", notSized);
    }
    Instrument instrument = found.get();
    if (settings.filters().firstSkip(EntryContext.at(instrument, ask.update().product(), clock.instant(),
        settings.enabled(), ask.copyingEnabled())) instanceof FilterDecision.Skip skip) {
      return new EntryDecision.Skip(skip.reason(), notSized);
    }
    Sizing sizing = size(ask.update(), ask.follower(), instrument, ask.leaderShare());
    if (sizing.decision() instanceof SizingDecision.Skip skip) {
      if (priceToCome(ask.update())) return new EntryDecision.Wait(skip.reason());
      return ask.alreadyPlaced().isZero() ? new EntryDecision.Skip(skip.reason(), sizing.text())
          : new EntryDecision.UpToDate();
    }
    Quantity target = ((SizingDecision.Place) sizing.decision()).quantity();
    if (target.compareTo(ask.alreadyPlaced()) <= 0) return new EntryDecision.UpToDate();
    Quantity more = target.minus(ask.alreadyPlaced());
    RiskDecision risk = risk(ask.update(), ask.follower(), instrument, ask.terms(), more, sizing);
    if (risk instanceof RiskDecision.Reject reject) {
      return priceToCome(ask.update()) ? new EntryDecision.Wait(reject.reason())
          : new EntryDecision.Skip(reject.reason(), sizing.text());
    }
    if (risk instanceof RiskDecision.RejectAndPause pause) {
      return new EntryDecision.Pause(pause.reason(), sizing.text());
    }
    return new EntryDecision.Send(instrument, more, target, sizing.text());
  }

  /**
   * The follower's quantity for a resting entry whose leader order now has {@code leaderShare}: sized as
   * the entry was; zero when sizing now skips. An increase beyond {@code current} must pass the risk rules,
   * else {@code current} is kept.
   */
  Quantity resize(LeaderOrderUpdate update, Follower follower, Instrument instrument, Quantity leaderShare,
      Quantity current, OrderTerms terms) {
    Sizing sizing = size(update, follower, instrument, leaderShare);
    if (!(sizing.decision() instanceof SizingDecision.Place place)) return Quantity.ZERO;
    if (place.quantity().compareTo(current) <= 0) return place.quantity();
    boolean allowed = risk(update, follower, instrument, terms, place.quantity(), sizing)
        instanceof RiskDecision.Allow;
    return allowed ? place.quantity() : current;
  }

  private Sizing size(LeaderOrderUpdate update, Follower follower, Instrument instrument, Quantity leaderShare) {
    Capital leaderCapital = capital.capitalOf(leader);
    Capital followerCapital = capital.capitalOf(follower.broker());
    SizingDecision decision = Sizer.size(follower.settings().sizing(), new SizingInput(leaderShare,
        instrument.lotSize(), leaderCapital.amount(), followerCapital.amount(), premium(update)));
    // Which capital figures sized the copy is recorded with it: they differ in how much they drift.
    String sources = " [leader " + leaderCapital.source() + ", follower " + followerCapital.source() + "]";
    String basis = decision instanceof SizingDecision.Place place ? place.basis()
        : ((SizingDecision.Skip) decision).reason();
    return new Sizing(decision, follower.settings().sizing().name() + ": " + basis + sources, followerCapital);
  }

  private RiskDecision risk(LeaderOrderUpdate update, Follower follower, Instrument instrument, OrderTerms terms,
      Quantity quantity, Sizing sizing) {
    AccountId account = follower.settings().account();
    CorrelationId probe = CorrelationId.derive(update.orderId(), account, MARGIN_PROBE);
    return RiskRules.firstRejection(follower.settings().riskRules(), new RiskCheck(quantity, premium(update),
        sizing.followerCapital().amount(), instrument, update.product(), new Once<>(follower.broker()::positions),
        new Once<>(() -> follower.broker().margin(terms.request(account, probe, quantity)))));
  }

  /**
   * A market order not yet filled has no premium yet; its first fill will carry the average traded price.
   * Until then a skip or refusal may be for want of that price alone (risk-based sizing, a position size
   * limit), so it is not final: nothing is recorded and the order's next event decides. An order that is
   * finished, or has filled without a price, is decided as it stands.
   */
  static boolean priceToCome(LeaderOrderUpdate update) {
    return premium(update).isZero() && update.status().isOpen() && update.filledQuantity().isZero()
        && (update.orderType() == OrderType.MARKET || update.orderType() == OrderType.STOP_LOSS_MARKET);
  }

  /** The order's limit price, else its average traded price, else its trigger; zero when none is known. */
  static Price premium(LeaderOrderUpdate update) {
    if (!update.price().isZero()) return update.price();
    return update.averageTradedPrice().filter(price -> !price.isZero())
        .or(update::triggerPrice)
        .orElse(Price.ZERO);
  }

  /** A sizing decision with its "strategy: basis [capital sources]" text. */
  private record Sizing(SizingDecision decision, String text, Capital followerCapital) {}
}
