package io.copytrade.domain.order;

import static io.copytrade.ports.model.CopyState.CANCELLED;
import static io.copytrade.ports.model.CopyState.FILLED;
import static io.copytrade.ports.model.CopyState.PART_FILLED;
import static io.copytrade.ports.model.CopyState.PLACED;
import static io.copytrade.ports.model.CopyState.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.store.CopyMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CopyStateMachineTest {
  /** Rows: from; columns: to, in CopyState order. Y = allowed. */
  private static final String[][] TABLE = {
      //              INTENDED UNKNOWN PLACED PART_FILLED FILLED REJECTED CANCELLED SKIPPED FAILED
      {"INTENDED",    "Y",     "Y",    "Y",   ".",        ".",   "Y",     ".",      ".",    "Y"},
      {"UNKNOWN",     "Y",     ".",    "Y",   "Y",        "Y",   "Y",     "Y",      ".",    "Y"},
      {"PLACED",      ".",     ".",    "Y",   "Y",        "Y",   "Y",     "Y",      ".",    "."},
      {"PART_FILLED", ".",     ".",    ".",   "Y",        "Y",   ".",     "Y",      ".",    "."},
      {"FILLED",      ".",     ".",    ".",   ".",        ".",   ".",     ".",      ".",    "."},
      {"REJECTED",    ".",     ".",    ".",   ".",        ".",   ".",     ".",      ".",    "."},
      {"CANCELLED",   ".",     ".",    ".",   ".",        ".",   ".",     ".",      ".",    "."},
      {"SKIPPED",     ".",     ".",    ".",   ".",        ".",   ".",     ".",      ".",    "."},
      {"FAILED",      ".",     ".",    ".",   ".",        ".",   ".",     ".",      ".",    "."},
  };
  private static final Instant CREATED = Instant.parse("2026-01-05T03:46:00Z");
  private static final Instant LATER = CREATED.plusSeconds(1);

  static Stream<Arguments> everyPair() {
    List<Arguments> pairs = new ArrayList<>();
    for (String[] row : TABLE) {
      for (CopyState to : CopyState.values()) {
        pairs.add(Arguments.of(CopyState.valueOf(row[0]), to, row[to.ordinal() + 1].equals("Y")));
      }
    }
    return pairs.stream();
  }

  @Test
  void tableCoversEveryPair() {
    assertThat(everyPair()).hasSize(81);
  }

  @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
  @MethodSource("everyPair")
  void checkFollowsTheTable(CopyState from, CopyState to, boolean allowed) {
    assertThat(CopyStateMachine.check(from, to)).isInstanceOf(allowed ? Transition.Allowed.class
        : Transition.Refused.class);
  }

  @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
  @MethodSource("everyPair")
  void moveAppliesAllowedMovesAndRefusesTheRestNamingBothStates(CopyState from, CopyState to,
      boolean allowed) {
    CopyMapping copy = copyIn(from);
    if (allowed) {
      assertThat(CopyStateMachine.move(copy, to, Optional.empty(), Optional.of("why"), LATER))
          .isEqualTo(copy.moveTo(to, Optional.empty(), Optional.of("why"), LATER));
    } else {
      assertThatIllegalStateException()
          .isThrownBy(() -> CopyStateMachine.move(copy, to, Optional.empty(), Optional.empty(), LATER))
          .withMessageContaining(from.name()).withMessageContaining(to.name());
    }
  }

  @Test
  void refusalOutOfAFinalStateSaysSo() {
    assertThat(CopyStateMachine.check(FILLED, CANCELLED))
        .isEqualTo(new Transition.Refused("FILLED is final; it cannot move to CANCELLED"));
  }

  @Test
  void refusalOutOfALiveStateListsTheAllowedMoves() {
    assertThat(CopyStateMachine.check(PART_FILLED, PLACED)).isEqualTo(new Transition.Refused(
        "PART_FILLED cannot move to PLACED; it may move to [PART_FILLED, FILLED, CANCELLED]"));
  }

  @Test
  void moveSetsTheFollowerOrderIdAndTime() {
    CopyMapping placed = CopyStateMachine.move(copyIn(CopyState.INTENDED), PLACED,
        Optional.of(OrderId.of("F-1")), Optional.empty(), LATER);
    assertThat(placed.state()).isEqualTo(PLACED);
    assertThat(placed.followerOrderId()).contains(OrderId.of("F-1"));
    assertThat(placed.updatedAt()).isEqualTo(LATER);
    assertThat(placed.createdAt()).isEqualTo(CREATED);
  }

  @ParameterizedTest(name = "{0} {1}/{2} -> {3}")
  @CsvSource({
      "TRANSIT,     130, 0,   PLACED",
      "PENDING,     130, 0,   PLACED",
      "PENDING,     130, 65,  PART_FILLED",
      "TRANSIT,     130, 65,  PART_FILLED",
      "PART_TRADED, 130, 65,  PART_FILLED",
      "TRADED,      130, 130, FILLED",
      "CANCELLED,   130, 0,   CANCELLED",
      "CANCELLED,   130, 65,  CANCELLED",
      "EXPIRED,     130, 0,   CANCELLED",
      "REJECTED,    130, 0,   REJECTED",
  })
  void fromBrokerMapsStatusAndFills(OrderStatus status, int quantity, int filled, CopyState expected) {
    assertThat(CopyStateMachine.fromBroker(status, Quantity.of(quantity), Quantity.of(filled)))
        .isEqualTo(expected);
  }

  @Test
  void fromBrokerCoversEveryStatus() {
    assertThat(Stream.of(OrderStatus.values())
        .map(status -> CopyStateMachine.fromBroker(status, Quantity.of(130), Quantity.ZERO)))
        .containsExactly(PLACED, PLACED, PART_FILLED, FILLED, CANCELLED, REJECTED, CANCELLED);
  }

  private static CopyMapping copyIn(CopyState state) {
    return new CopyMapping(CorrelationId.of("ct-test"), OrderId.of("L-1"), AccountId.of("FOLLOWER"), "entry",
        InstrumentKey.of(ExchangeSegment.NSE_FNO, "35191"), Side.BUY, Quantity.of(520), Quantity.of(130),
        "capital_proportional: test", state, Optional.empty(), Optional.empty(), CREATED, CREATED);
  }
}
