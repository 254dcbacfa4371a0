package io.copytrade.domain.order;

import static io.copytrade.ports.model.CopyState.CANCELLED;
import static io.copytrade.ports.model.CopyState.FAILED;
import static io.copytrade.ports.model.CopyState.FILLED;
import static io.copytrade.ports.model.CopyState.INTENDED;
import static io.copytrade.ports.model.CopyState.PART_FILLED;
import static io.copytrade.ports.model.CopyState.PLACED;
import static io.copytrade.ports.model.CopyState.REJECTED;
import static io.copytrade.ports.model.CopyState.UNKNOWN;

import io.copytrade.domain.order.Transition.Allowed;
import io.copytrade.domain.order.Transition.Refused;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.store.CopyMapping;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The allowed moves of a copy. A copy starts INTENDED (about to be sent) or SKIPPED (decided against);
 * SKIPPED, FAILED, REJECTED, CANCELLED and FILLED are final. PLACED to PLACED is a modify, PART_FILLED to
 * PART_FILLED a further fill. UNKNOWN may resolve to any state the broker can report, or to FAILED once the
 * broker is known not to have the order.
 *
 * <p>INTENDED or UNKNOWN may move (back) to INTENDED only when the broker was shown not to have the order:
 * neither the lookup by correlation id nor the order book showed it for longer than an order stays in
 * TRANSIT. The intent is then sent again under the same correlation id, newly stamped, so a crash during that
 * send waits out the window again before anything is decided. An INTENDED copy the broker does show was sent
 * and its answer lost: it resolves through UNKNOWN.
 */
public final class CopyStateMachine {
  private static final Map<CopyState, Set<CopyState>> ALLOWED = allowedMoves();

  private CopyStateMachine() {}

  public static Transition check(CopyState from, CopyState to) {
    if (ALLOWED.get(from).contains(to)) return new Allowed();
    if (ALLOWED.get(from).isEmpty()) return new Refused(from + " is final; it cannot move to " + to);
    return new Refused(from + " cannot move to " + to + "; it may move to " + ALLOWED.get(from));
  }

  /**
   * Applies the move; throws IllegalStateException naming both states when refused. A present order id or
   * reason replaces the mapping's; an absent order id keeps the one already known.
   */
  public static CopyMapping move(CopyMapping mapping, CopyState to, Optional<OrderId> followerOrderId,
      Optional<String> reason, Instant at) {
    if (check(mapping.state(), to) instanceof Refused refused) {
      throw new IllegalStateException("copy " + mapping.correlationId() + ": " + refused.reason());
    }
    return mapping.moveTo(to, followerOrderId, reason, at);
  }

  /**
   * The copy state a follower order's broker status implies (PENDING/TRANSIT -> PLACED, PART_TRADED or
   * 0 &lt; filled &lt; quantity -> PART_FILLED, TRADED -> FILLED, CANCELLED/EXPIRED -> CANCELLED,
   * REJECTED -> REJECTED). An order cancelled after a partial fill is CANCELLED: it will not trade again.
   */
  public static CopyState fromBroker(OrderStatus status, Quantity quantity, Quantity filled) {
    // Dhan may show a partial fill only as filled < quantity while the status still reads PENDING.
    boolean partial = !filled.isZero() && filled.compareTo(quantity) < 0;
    return switch (status) {
      case TRANSIT, PENDING -> partial ? PART_FILLED : PLACED;
      case PART_TRADED -> PART_FILLED;
      case TRADED -> FILLED;
      case CANCELLED, EXPIRED -> CANCELLED;
      case REJECTED -> REJECTED;
    };
  }

  private static Map<CopyState, Set<CopyState>> allowedMoves() {
    Map<CopyState, Set<CopyState>> moves = new EnumMap<>(CopyState.class);
    for (CopyState state : CopyState.values()) moves.put(state, EnumSet.noneOf(CopyState.class));
    moves.put(INTENDED, EnumSet.of(INTENDED, UNKNOWN, PLACED, REJECTED, FAILED));
    moves.put(UNKNOWN, EnumSet.of(INTENDED, PLACED, PART_FILLED, FILLED, REJECTED, CANCELLED, FAILED));
    moves.put(PLACED, EnumSet.of(PLACED, PART_FILLED, FILLED, CANCELLED, REJECTED));
    moves.put(PART_FILLED, EnumSet.of(PART_FILLED, FILLED, CANCELLED));
    return moves;
  }
}
