package io.copytrade.domain.replication;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.LotSize;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.store.CopyStore;
import io.copytrade.ports.store.LedgerCopy;
import io.copytrade.ports.store.LedgerOrder;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Positions as the engine itself knows them, per account, instrument and product, for the day (IST): what the
 * account carried into the day plus the fills of the orders the engine has handled. Exits are sized from it
 * <em>at the leader event</em>, never from the broker's positions now: after a downtime several leader orders
 * are handled in a row, and a fraction taken against positions that already show the later ones is wrong.
 *
 * <p>"Before" a leader order means the orders first stored before it, as the engine met them; the fills of
 * the order itself are left out. The ledger is the store's orders and copies, written in the same
 * transaction as the event that moved them, so there is no second record to drift from them.
 *
 * <p>A follower's side counts only what the engine answers for: its copies (each order by what it filled, or
 * all it asks for once the leader order it copies has traded, since a copy of a traded order is on its way
 * to filling), the engine's own reconciliation orders, and what it carried into the day where the leader
 * carried the same side. The follower's own trades are not in it, so no exit ever closes them.
 */
public final class PositionLedger {
  /** Dhan's trading day. */
  public static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  /** Copies that put nothing at the broker. */
  private static final Set<CopyState> NOTHING_PLACED =
      EnumSet.of(CopyState.SKIPPED, CopyState.FAILED, CopyState.REJECTED);
  /** Copies stored before the broker was asked, or asked with no answer: their order may or may not exist. */
  private static final Set<CopyState> IN_DOUBT = EnumSet.of(CopyState.INTENDED, CopyState.UNKNOWN);

  private final CopyStore store;
  private final InstantSource clock;

  public PositionLedger(CopyStore store, InstantSource clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The leader orders of {@code order}'s position met before it, in the order they were met. */
  List<LedgerOrder> before(LeaderOrderUpdate order) {
    List<LedgerOrder> all = store.leaderOrdersIn(order.account(), order.instrument(), order.product(), dayStart());
    int at = 0;
    while (at < all.size() && !all.get(at).orderId().equals(order.orderId())) at++;
    return all.subList(0, at);
  }

  /**
   * The leader's signed net position in the order's instrument and product just before {@code order}.
   *
   * @param before its {@link #before}, read once for every follower of the event
   */
  int leaderBefore(LeaderOrderUpdate order, List<LedgerOrder> before) {
    return carried(order.account(), order.instrument(), order.product())
        + before.stream().mapToInt(LedgerOrder::signedFill).sum();
  }

  /** The leader's signed net position now, by the ledger. */
  public int leaderNow(AccountId leader, InstrumentKey instrument, ProductType product) {
    return carried(leader, instrument, product)
        + store.leaderOrdersIn(leader, instrument, product, dayStart()).stream()
            .mapToInt(LedgerOrder::signedFill).sum();
  }

  /**
   * What the follower holds of the engine's making in the order's instrument and product just before
   * {@code order}, signed: its copies of leader orders met before it, and reconciliation orders.
   */
  int followerBefore(AccountId follower, LeaderOrderUpdate order, List<LedgerOrder> before) {
    Set<OrderId> earlier = before.stream().map(LedgerOrder::orderId).collect(Collectors.toSet());
    return followerCarried(follower, order.account(), order.instrument(), order.product())
        + held(follower, order.instrument(), order.product(), copy -> copy.product().isEmpty()
            || earlier.contains(copy.copy().leaderOrderId()));
  }

  /** What the follower holds of the engine's making in one position now, signed. */
  public int followerNow(AccountId follower, AccountId leader, InstrumentKey instrument, ProductType product) {
    return followerCarried(follower, leader, instrument, product) + held(follower, instrument, product, copy -> true);
  }

  /**
   * What the follower would hold of the engine's making in one position had each of the day's leader fills
   * there been copied as sized, in the order the engine met them: entries by {@code entry}, exits by
   * {@link ExitPlanner} from this replayed position. It is what being up all along gives, so a follower
   * holding less than it (and than its target) lacks copies the engine owes, not lots lost to rounding.
   *
   * @param uncopied leader orders the engine does not copy (finished before it first ran today): they move
   *     the leader's position only
   */
  public int followerCopied(AccountId follower, AccountId leader, InstrumentKey instrument, ProductType product,
      UnaryOperator<Quantity> entry, LotSize lot, Set<OrderId> uncopied) {
    int leaderHeld = carried(leader, instrument, product);
    int held = followerCarried(follower, leader, instrument, product);
    for (LedgerOrder order : store.leaderOrdersIn(leader, instrument, product, dayStart())) {
      if (order.filled().isZero()) continue;
      LeaderShape shape = LeaderShape.of(order.side(), order.filled(), leaderHeld);
      if (uncopied.contains(order.orderId())) {
        leaderHeld += order.signedFill();
        continue;
      }
      if (!shape.closes().isZero()) {
        held += signed(order.side(), ExitPlanner.plan(shape, order.side(), instrument, product, held, lot)
            .quantity().units());
      }
      if (!shape.opens().isZero()) held += signed(order.side(), entry.apply(shape.opens()).units());
      leaderHeld += order.signedFill();
    }
    return held;
  }

  private int held(AccountId follower, InstrumentKey instrument, ProductType product,
      Predicate<LedgerCopy> counted) {
    List<LedgerCopy> copies = store.copiesIn(follower, instrument, dayStart());
    return copies.stream()
        .filter(copy -> productOf(copy).filter(product::equals).isPresent())
        .filter(counted)
        .mapToInt(copy -> signed(copy, expected(copy, copies))).sum();
  }

  /**
   * What one order of the follower's moves its position by, kept in step with what the ledger knows of the
   * leader order it copies, so that both sides of an exit are taken at the same moment:
   * <ul>
   *   <li>nothing for a modification record (it changes an order, it is not one) or an order never placed;
   *   <li>a copy of a leader order: its share of what that leader order has filled (all it asks for once the
   *       leader's traded, a copy on its way included), and no more than the copy itself filled while the
   *       leader's still rests (a copy that filled ahead of the leader's counts when the leader's fill does);
   *       a cancelled copy, what it filled;
   *   <li>a fills-mode copy or a reconciliation order (market orders for what already happened): all it asks
   *       for, or what it filled once over;
   *   <li>an entry whose placement is in doubt (stored, not yet shown at the broker): nothing, until it is; if
   *       it is then declined, no exit will have closed what it never opened, so nothing flips.
   * </ul>
   */
  private static int expected(LedgerCopy ledgerCopy, List<LedgerCopy> all) {
    var copy = ledgerCopy.copy();
    Optional<Step> step = Step.parse(copy.step());
    if (step.isEmpty() || step.get().isModification() || NOTHING_PLACED.contains(copy.state())) return 0;
    Optional<Quantity> filled = ledgerCopy.followerFilled();
    if (copy.state() == CopyState.CANCELLED) return filled.orElse(Quantity.ZERO).units();
    boolean opens = step.get().isEntry() || step.get().isFill() || step.get().base().equals(Step.RECONCILE_OPEN);
    if (IN_DOUBT.contains(copy.state()) && opens) return 0;
    Quantity asked = lastAsked(ledgerCopy, step.get(), all);
    int done = copy.state() == CopyState.FILLED ? filled.orElse(asked).units() : asked.units();
    Optional<LedgerOrder> leader = ledgerCopy.leader();
    if (leader.isEmpty() || step.get().isFill()) return done;
    LedgerOrder order = leader.get();
    if (order.status() == OrderStatus.TRADED) return done;
    int share = (int) ((long) asked.units() * order.filled().units() / Math.max(1, order.quantity().units()));
    return Math.min(share, filled.orElse(Quantity.ZERO).units());
  }

  /** The order's quantity after its last modification the broker took, else as first placed. */
  private static Quantity lastAsked(LedgerCopy order, Step step, List<LedgerCopy> all) {
    Quantity asked = order.copy().followerQuantity();
    for (LedgerCopy other : all) {
      var copy = other.copy();
      if (!copy.leaderOrderId().equals(order.copy().leaderOrderId())) continue;
      Optional<Step> modifies = Step.parse(copy.step());
      if (modifies.isPresent() && modifies.get().isModification() && modifies.get().order().equals(step)
          && !NOTHING_PLACED.contains(copy.state())) {
        asked = copy.followerQuantity();
      }
    }
    return asked;
  }

  private static int signed(LedgerCopy copy, int units) {
    return signed(copy.copy().side(), units);
  }

  private static int signed(Side side, int units) {
    return side == Side.BUY ? units : -units;
  }

  /** A copy's product: its leader order's, or for a reconciliation order the one its run id names. */
  private static Optional<ProductType> productOf(LedgerCopy copy) {
    return copy.product().or(() -> ReconcileId.product(copy.copy().leaderOrderId()));
  }

  private int carried(AccountId account, InstrumentKey instrument, ProductType product) {
    return store.carriedForward(account, today(), instrument, product).orElse(0);
  }

  /**
   * What the follower carried into the day counts as the engine's when the leader carried the same side:
   * the likeliest origin is an earlier day's copy, and it is what the leader's exits of that carry close.
   */
  private int followerCarried(AccountId follower, AccountId leader, InstrumentKey instrument, ProductType product) {
    int mine = carried(follower, instrument, product);
    int leaders = carried(leader, instrument, product);
    return Integer.signum(mine) == Integer.signum(leaders) ? mine : 0;
  }

  private LocalDate today() {
    return clock.instant().atZone(IST).toLocalDate();
  }

  private Instant dayStart() {
    return today().atStartOfDay(IST).toInstant();
  }
}
