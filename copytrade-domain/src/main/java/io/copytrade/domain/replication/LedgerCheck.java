package io.copytrade.domain.replication;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.Position;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.store.AuditEntry;
import io.copytrade.ports.store.CopyStore;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds the leader's side of the {@link PositionLedger} against the broker's positions. A difference in a
 * position with no leader order open in it and every fill in the book handled is a fill the engine never
 * met in order or a wrong carried figure: exits there would be sized wrong, so each new difference is
 * an audit event ({@code ledger_difference}) with its reason, and reported to the caller. The same
 * difference seen again is not audited again. Keep one instance for the engine's life.
 */
public final class LedgerCheck {
  /** A position where the ledger and the broker disagree. */
  public record Difference(InstrumentKey instrument, ProductType product, int ledger, int broker, String reason) {}

  private record Key(InstrumentKey instrument, ProductType product) {}

  private final CopyStore store;
  private final PositionLedger ledger;
  private final InstantSource clock;
  private final Map<Key, Integer> audited = new ConcurrentHashMap<>();

  public LedgerCheck(CopyStore store, InstantSource clock) {
    this.store = store;
    this.ledger = new PositionLedger(store, clock);
    this.clock = clock;
  }

  /** Compares every position the broker shows the leader holding, or held today, with the ledger. */
  public List<Difference> check(AccountId leader, List<Position> positions, List<BrokerOrder> book) {
    List<Difference> found = new ArrayList<>();
    for (Position position : positions) {
      Key key = new Key(position.instrument(), position.product());
      // An open order, or a fill still queued for the engine, is a difference on its way to closing.
      if (book.stream().anyMatch(order -> order.instrument().equals(key.instrument())
          && order.product() == key.product() && (order.status().isOpen() || unhandled(order)))) {
        continue;
      }
      int mine = ledger.leaderNow(leader, key.instrument(), key.product());
      if (mine == position.netQuantity()) {
        audited.remove(key);
        continue;
      }
      Difference difference = new Difference(key.instrument(), key.product(), mine, position.netQuantity(),
          "the broker's position is not what was carried in plus every fill the engine handled: a carried"
              + " figure read wrong, a position converted between products, or a fill no order in the book shows;"
              + " exits in it are sized from the ledger");
      found.add(difference);
      if (!Integer.valueOf(position.netQuantity()).equals(audited.put(key, position.netQuantity()))) {
        audit(leader, difference);
      }
    }
    return found;
  }

  private boolean unhandled(BrokerOrder order) {
    return store.handledFill(order.orderId()).filter(fill -> fill.compareTo(order.filledQuantity()) >= 0)
        .isEmpty() && !order.filledQuantity().isZero();
  }

  private void audit(AccountId leader, Difference difference) {
    String detail = new AuditJson().text("instrument", difference.instrument().toString())
        .text("product", difference.product().name()).number("ledger", difference.ledger())
        .number("broker", difference.broker()).text("reason", difference.reason()).toString();
    store.audit(new AuditEntry(clock.instant(), "ledger_difference", Optional.of(leader), Optional.empty(),
        Optional.empty(), detail, Optional.empty(), Optional.empty()));
  }
}
