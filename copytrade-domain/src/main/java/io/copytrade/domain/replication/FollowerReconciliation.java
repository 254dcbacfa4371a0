package io.copytrade.domain.replication;

import io.copytrade.domain.filter.EntryContext;
import io.copytrade.domain.filter.FilterDecision;
import io.copytrade.domain.replication.PositionCheck.Outcome;
import io.copytrade.domain.risk.RiskCheck;
import io.copytrade.domain.risk.RiskDecision;
import io.copytrade.domain.risk.RiskRules;
import io.copytrade.domain.sizing.Sizer;
import io.copytrade.domain.sizing.SizingDecision;
import io.copytrade.domain.sizing.SizingInput;
import io.copytrade.ports.broker.AccountQueries;
import io.copytrade.ports.instrument.InstrumentCatalogue;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.LotSize;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderType;
import io.copytrade.ports.model.Position;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.model.Validity;
import io.copytrade.ports.store.CopyMapping;
import io.copytrade.ports.store.CopyStore;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One follower's part of a {@link ReconcilePositions} run. */
final class FollowerReconciliation {
  /** The margin calculator wants a whole order; this id is never placed. */
  private static final String MARGIN_PROBE = "reconcile-margin-probe";

  /** What every follower's part shares. */
  record Services(CopyStore store, CopyWriter writer, InstrumentCatalogue instruments, CapitalBook capital,
      InstantSource clock, PositionLedger ledger) {}

  /** The leader as one run reads it, once. */
  record LeaderView(AccountQueries account, AccountId id, List<Position> positions, List<BrokerOrder> orders,
      Set<OrderId> history, Set<OrderId> busy, boolean copyingEnabled) {}

  /** A position: an instrument in one product. */
  private record Key(InstrumentKey instrument, ProductType product) {}

  private final Services services;
  private final LeaderView leader;
  private final Follower follower;
  private final String run;
  private final AccountId account;
  private final List<Position> positions;
  private final List<BrokerOrder> book;

  /** What a follower's broker showed when the run read it: see {@link #read}. */
  record Books(List<BrokerOrder> book, List<Position> positions) {
    /**
     * The order book first, then the positions: an order filling between the two reads shows in both, never
     * as a fill the positions lack, which would be judged as a position short of its target.
     */
    static Books read(AccountQueries account) {
      List<BrokerOrder> book = account.orderBook();
      return new Books(book, account.positions());
    }
  }

  FollowerReconciliation(Services services, LeaderView leader, Follower follower, String run, Books books) {
    this.services = services;
    this.leader = leader;
    this.follower = follower;
    this.run = run;
    this.account = follower.settings().account();
    this.positions = books.positions();
    this.book = books.book();
  }

  /** @param inFlight every follower's copies in flight, as the run read them once */
  List<PositionCheck> run(List<CopyMapping> inFlight) {
    List<CopyMapping> mine = inFlight.stream().filter(copy -> copy.follower().equals(account)).toList();
    Set<InstrumentKey> copied = services.store().instrumentsCopiedTo(account);
    Set<Key> keys = new LinkedHashSet<>();
    leader.positions().stream().filter(p -> !p.isFlat()).forEach(p -> keys.add(new Key(p.instrument(), p.product())));
    positions.stream().filter(p -> !p.isFlat() && copied.contains(p.instrument()))
        .forEach(p -> keys.add(new Key(p.instrument(), p.product())));
    List<PositionCheck> checks = new ArrayList<>();
    for (Key key : keys) checks.add(check(key, mine));
    return checks;
  }

  private PositionCheck check(Key key, List<CopyMapping> inFlight) {
    int leaderNet = LeaderShape.netOf(leader.positions(), key.instrument(), key.product());
    int held = LeaderShape.netOf(positions, key.instrument(), key.product());
    Optional<String> moving = moving(key.instrument(), inFlight);
    if (moving.isPresent()) {
      return new PositionCheck(account, key.instrument(), key.product(), leaderNet, held, Optional.empty(),
          Outcome.DEFERRED, moving.get(), List.of());
    }
    Optional<Instrument> instrument = services.instruments().find(key.instrument());
    Price premium = premium(key);
    PositionTarget target = leaderNet == 0 ? PositionTarget.flat()
        : PositionTarget.of(leaderNet, follower.settings().sizing(), instrument,
            services.capital().capitalOf(leader.account()), services.capital().capitalOf(follower.broker()),
            premium);
    int close = target.toClose(held, leaderNet);
    int open = target.toOpen(held);
    if (close == 0 && open == 0) {
      String sameSide = target.units().isEmpty() ? "; on the leader's side, its size not reconciled" : "";
      return new PositionCheck(account, key.instrument(), key.product(), leaderNet, held, target.units(),
          Outcome.IN_LINE, target.basis() + sameSide, List.of());
    }
    List<String> notes = new ArrayList<>();
    notes.add(target.basis());
    List<CopyMapping> orders = new ArrayList<>();
    ReconcilePolicy policy = follower.settings().reconcile();
    Order order = new Order(key, Math.abs(leaderNet), instrument, target.basis());
    // What the engine opened beyond the target goes, and what its copies owe comes, whatever the policy; the
    // policy rules the follower's own trades and the lots lost to rounding.
    int closing = policy == ReconcilePolicy.ALERT ? Math.min(close, enginesPart(key, held)) : close;
    if (closing > 0) orders.addAll(order.place(held > 0 ? Side.SELL : Side.BUY, closing, Step.RECONCILE_CLOSE));
    if (policy == ReconcilePolicy.ALERT && closing > 0) {
      notes.add("closes the " + closing + " the engine opened beyond the target");
    }
    // Added only once all that should go has gone: beside what stays on the wrong side it would not be owed.
    int adding = policy == ReconcilePolicy.RESYNC ? open
        : closing < close ? 0 : Math.min(open, owed(key, target, held, instrument, premium));
    if (adding > 0) {
      Side side = target.units().get() > 0 ? Side.BUY : Side.SELL;
      Optional<String> refused = entryRefusal(key, instrument.get(), side, adding, premium);
      if (refused.isPresent()) {
        notes.add("the " + adding + " missing are not added: " + refused.get());
      } else {
        orders.addAll(order.place(side, adding, Step.RECONCILE_OPEN));
        if (policy != ReconcilePolicy.RESYNC) notes.add("adds the " + adding + " the engine's copies owe");
      }
    }
    if (policy == ReconcilePolicy.ALERT && (closing < close || adding < open)) {
      notes.add("policy alert: nothing else placed");
    } else if (policy == ReconcilePolicy.FLAT_ONLY && adding < open) {
      notes.add("policy flat-only: the " + (open - adding) + " missing are not added");
    }
    return new PositionCheck(account, key.instrument(), key.product(), leaderNet, held, target.units(),
        orders.isEmpty() ? Outcome.MISMATCH : Outcome.CORRECTED, String.join("; ", notes), orders);
  }

  /** How much of {@code held} the engine opened (its copies and corrections), on the same side. */
  private int enginesPart(Key key, int held) {
    int engines = services.ledger().followerNow(account, leader.id(), key.instrument(), key.product());
    return Integer.signum(engines) == Integer.signum(held) ? Math.min(Math.abs(engines), Math.abs(held)) : 0;
  }

  /**
   * How much the follower lacks of what the engine's copies should have given it (see
   * {@link PositionLedger#followerCopied}), up to the target: the engine owes it whatever the policy.
   */
  private int owed(Key key, PositionTarget target, int held, Optional<Instrument> instrument, Price premium) {
    if (target.units().isEmpty() || instrument.isEmpty()) return 0;
    Capital leaderCapital = services.capital().capitalOf(leader.account());
    Capital followerCapital = services.capital().capitalOf(follower.broker());
    LotSize lot = instrument.get().lotSize();
    int copied = services.ledger().followerCopied(account, leader.id(), key.instrument(), key.product(),
        leaderShare -> Sizer.size(follower.settings().sizing(), new SizingInput(leaderShare, lot,
            leaderCapital.amount(), followerCapital.amount(), premium)) instanceof SizingDecision.Place place
            ? place.quantity() : Quantity.ZERO, lot, leader.history());
    int goal = target.units().get();
    if (Integer.signum(copied) != Integer.signum(goal)) return 0;
    return new PositionTarget(Optional.of(Integer.signum(goal) * Math.min(Math.abs(goal), Math.abs(copied))),
        target.basis()).toOpen(held);
  }

  /**
   * Why the position may still be changing: then a copy on its way and this reconciliation would both act
   * on the same difference.
   */
  private Optional<String> moving(InstrumentKey instrument, List<CopyMapping> inFlight) {
    Optional<BrokerOrder> open = book.stream()
        .filter(o -> o.instrument().equals(instrument) && o.status().isOpen()).findFirst();
    if (open.isPresent()) {
      return Optional.of("follower order " + open.get().orderId() + " is still " + open.get().status() + " in it");
    }
    Optional<CopyMapping> flying = inFlight.stream().filter(c -> c.instrument().equals(instrument)).findFirst();
    if (flying.isPresent()) {
      return Optional.of("copy " + flying.get().correlationId() + " of " + flying.get().leaderOrderId()
          + " is still " + flying.get().state());
    }
    for (BrokerOrder order : leader.orders()) {
      if (!order.instrument().equals(instrument)) continue;
      if (order.status().isOpen()) {
        return Optional.of("leader order " + order.orderId() + " is still " + order.status() + " in it");
      }
      if (leader.busy().contains(order.orderId())) {
        return Optional.of("leader order " + order.orderId() + " waits to be handled again");
      }
      if (order.filledQuantity().isZero() || leader.history().contains(order.orderId())) continue;
      boolean handled = services.store().handledFill(order.orderId())
          .filter(fill -> fill.compareTo(order.filledQuantity()) >= 0).isPresent()
          && !services.store().copiesOf(order.orderId(), account).isEmpty();
      if (!handled) {
        return Optional.of("leader order " + order.orderId() + " filled " + order.filledQuantity()
            + ", not yet handled for this follower");
      }
    }
    return Optional.empty();
  }

  /** The leader's average price in the position, the premium sizing and risk rules go by. */
  private Price premium(Key key) {
    return leader.positions().stream()
        .filter(p -> p.instrument().equals(key.instrument()) && p.product() == key.product() && !p.isFlat())
        .map(p -> p.netQuantity() > 0 ? p.buyAverage() : p.sellAverage()).findFirst().orElse(Price.ZERO);
  }

  /** An addition is an entry: the follower's filters and risk rules decide it as they decide entries. */
  private Optional<String> entryRefusal(Key key, Instrument instrument, Side side, int quantity, Price premium) {
    FollowerSettings settings = follower.settings();
    if (settings.filters().firstSkip(EntryContext.at(instrument, key.product(), services.clock().instant(),
        settings.enabled(), leader.copyingEnabled())) instanceof FilterDecision.Skip skip) {
      return Optional.of(skip.reason());
    }
    OrderTerms terms = Order.terms(key, side);
    CorrelationId probe = CorrelationId.derive(OrderId.of(MARGIN_PROBE), account, run);
    RiskDecision risk = RiskRules.firstRejection(settings.riskRules(), new RiskCheck(Quantity.of(quantity),
        premium, services.capital().capitalOf(follower.broker()).amount(), instrument, key.product(), () -> positions,
        new Once<>(() -> follower.broker().margin(terms.request(account, probe, Quantity.of(quantity))))));
    if (risk instanceof RiskDecision.Reject reject) return Optional.of(reject.reason());
    if (risk instanceof RiskDecision.RejectAndPause pause) return Optional.of(pause.reason());
    return Optional.empty();
  }

  /** The orders of one position, under an id naming this run and the position. */
  private final class Order {
    private final Key key;
    private final int leaderUnits;
    private final Optional<Instrument> instrument;
    private final String basis;
    private final OrderId runOrder;

    Order(Key key, int leaderUnits, Optional<Instrument> instrument, String basis) {
      this.key = key;
      this.leaderUnits = leaderUnits;
      this.instrument = instrument;
      this.basis = basis;
      this.runOrder = ReconcileId.of(run, key.instrument(), key.product());
    }

    static OrderTerms terms(Key key, Side side) {
      return new OrderTerms(side, key.instrument(), key.product(), OrderType.MARKET, Validity.DAY, Price.ZERO,
          Optional.empty());
    }

    /** Sliced at the freeze quantity when the catalogue knows the instrument; else one order. */
    List<CopyMapping> place(Side side, int quantity, String step) {
      LotSize lot = instrument.map(Instrument::lotSize).orElse(LotSize.of(1));
      List<Quantity> slices = Slices.of(Quantity.of(quantity), lot, instrument.flatMap(Instrument::freezeQuantity));
      OrderTerms terms = terms(key, side);
      List<CopyMapping> sent = new ArrayList<>();
      for (int k = 0; k < slices.size(); k++) {
        Quantity slice = slices.get(k);
        CopyMapping intent = services.writer().copy(runOrder, key.instrument(), side, follower,
            Step.of(step).slice(k + 1), Quantity.of(leaderUnits), slice, basis, CopyState.INTENDED,
            Optional.empty());
        sent.add(services.writer().sent(intent, terms, "reconcile_order",
            () -> follower.broker().place(terms.request(account, intent.correlationId(), slice))));
      }
      return sent;
    }
  }
}
