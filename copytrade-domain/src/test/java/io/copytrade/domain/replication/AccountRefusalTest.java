package io.copytrade.domain.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.copytrade.domain.replication.ReplicationResult.AccountRefusal;
import io.copytrade.domain.replication.ReplicationResult.AccountRefusal.Kind;
import io.copytrade.ports.broker.AuthenticationException;
import io.copytrade.ports.broker.PlacementResult;
import io.copytrade.ports.broker.RequestRefusedException;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.store.CopyMapping;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A broker that refuses the follower's account rather than one order: a refused token fails the copy and
 * says to stop the account; a refused account (no access, invalid IP) fails it and says to alert. A stopped
 * account is sent nothing and read nothing: what it would have copied is recorded SKIPPED with the reason.
 */
class AccountRefusalTest {
  /** What the adapter says of a placement refused with 401 DH-901 (no token in it). */
  private static final String DH_901 = "POST orders: HTTP 401 DH-901 Client ID or user generated access token is"
      + " invalid or expired.";

  private final Desk desk = new Desk();
  private final List<Follower> followers = desk.three(settings -> settings);
  private final FollowerRoster roster = new FollowerRoster(followers, desk.store, desk.clock);
  private final ReplicateLeaderOrder replicate = new ReplicateLeaderOrder(desk.store, desk.catalogue,
      desk.leader, roster, desk.capital, desk.clock, Runnable::run, new DeferredCopies());

  @Test
  void aRefusedTokenFailsTheCopyWithTheReasonAndSaysToStopOnlyThatAccount() {
    desk.half.nextPlace(request -> {
      throw new AuthenticationException("DH-901", DH_901);
    });

    ReplicationResult result = replicate.replicate(Frame.buy(520).update());

    assertThat(desk.copy(desk.half, "entry").state()).isEqualTo(CopyState.FAILED);
    assertThat(desk.copy(desk.half, "entry").reason()).contains(DH_901);
    assertThat(result.refused()).containsExactly(new AccountRefusal(desk.half.id(), Kind.TOKEN, DH_901));
    assertThat(desk.copy(desk.quarter, "entry").state()).isEqualTo(CopyState.PLACED);
    assertThat(desk.copy(desk.risky, "entry").state()).isEqualTo(CopyState.PLACED);
  }

  @Test
  void afterARefusedTokenTheSlicesLeftAreNotSent() {
    desk.catalogue.with(freeze(1755));
    desk.half.nextPlace(request -> {
      throw new AuthenticationException("DH-901", "token expired");
    });

    ReplicationResult result = replicate.replicate(Frame.buy(6000).update()); // HALF: 1755 + 1235

    assertThat(desk.half.writes).containsExactly("place BUY 1755 LIMIT 112.5");
    assertThat(desk.copy(desk.half, "entry").state()).isEqualTo(CopyState.FAILED);
    assertThat(desk.copy(desk.half, "entry-2").state()).isEqualTo(CopyState.FAILED);
    assertThat(desk.copy(desk.half, "entry-2").reason()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("not sent: the account's token was refused on an earlier write").contains("token expired"));
    assertThat(result.refused()).extracting(AccountRefusal::follower, AccountRefusal::kind)
        .containsExactly(tuple(desk.half.id(), Kind.TOKEN));
  }

  @Test
  void aTokenRefusedWhileReadingFundsFailsTheEntryAndSaysToStop() {
    desk.quarter.funds(() -> {
      throw new AuthenticationException("DH-906", "GET fundlimit: HTTP 400 DH-906 Invalid Token");
    });

    ReplicationResult result = replicate.replicate(Frame.buy(520).update());

    assertThat(desk.quarter.writes).isEmpty();
    assertThat(desk.copy(desk.quarter, "entry").state()).isEqualTo(CopyState.FAILED);
    assertThat(result.refused()).extracting(AccountRefusal::follower, AccountRefusal::kind)
        .containsExactly(tuple(desk.quarter.id(), Kind.TOKEN));
  }

  @Test
  void anAccountTheBrokerRefusesFailsTheCopyAndSaysToAlert() {
    desk.risky.nextPlace(request -> {
      throw new RequestRefusedException("DH-905", "POST orders: HTTP 400 DH-905 Invalid IP");
    });

    ReplicationResult result = replicate.replicate(Frame.buy(520).update());

    assertThat(desk.copy(desk.risky, "entry").state()).isEqualTo(CopyState.FAILED);
    assertThat(desk.copy(desk.risky, "entry").reason()).contains("POST orders: HTTP 400 DH-905 Invalid IP");
    assertThat(result.refused()).containsExactly(new AccountRefusal(desk.risky.id(), Kind.ACCESS,
        "POST orders: HTTP 400 DH-905 Invalid IP"));
  }

  @Test
  void aRejectedOrderRefusesNoAccount() {
    desk.quarter.nextPlace(request -> new PlacementResult.Rejected("DH-905", "quantity is required"));

    ReplicationResult result = replicate.replicate(Frame.buy(520).update());

    assertThat(desk.copy(desk.quarter, "entry").state()).isEqualTo(CopyState.REJECTED);
    assertThat(result.refused()).isEmpty();
  }

  @Test
  void aStoppedAccountIsSentAndAskedNothingAndItsEntryIsSkippedWithTheReason() {
    roster.stop(desk.half.id(), DH_901);
    desk.half.funds(() -> {
      throw new AssertionError("a stopped account's funds were read");
    });

    ReplicationResult result = replicate.replicate(Frame.buy(520).update());

    assertThat(desk.half.writes).isEmpty();
    CopyMapping skipped = desk.copy(desk.half, "entry");
    assertThat(skipped.state()).isEqualTo(CopyState.SKIPPED);
    assertThat(skipped.leaderQuantity()).isEqualTo(Quantity.of(520));
    assertThat(skipped.reason()).contains("follower account stopped: " + DH_901
        + "; nothing is sent for it until its token changes");
    assertThat(result.refused()).isEmpty();
    assertThat(desk.quarter.writes).containsExactly("place BUY 130 LIMIT 112.5");
    assertThat(desk.risky.writes).containsExactly("place BUY 195 LIMIT 112.5");
  }

  @Test
  void aStoppedAccountsExitIsSkippedWithoutReadingItsPositions() {
    roster.stop(desk.half.id(), DH_901);
    desk.carries(desk.leader, LeaderOrder.NIFTY_CE_KEY, 520);
    desk.half.failPositions(new IllegalStateException("a stopped account's positions were read"));

    ReplicationResult result = replicate.replicate(Frame.sell(520).update());

    assertThat(result.failures()).isEmpty();
    assertThat(desk.half.writes).isEmpty();
    assertThat(desk.copy(desk.half, "exit").state()).isEqualTo(CopyState.SKIPPED);
  }

  @Test
  void aStoppedAccountsPlacedCopyIsLeftAloneUntilItResumesThenFollowsTheLeader() {
    Frame order = Frame.buy(520);
    replicate.replicate(order.update());
    roster.stop(desk.half.id(), DH_901);

    ReplicationResult whileStopped = replicate.replicate(order.status(OrderStatus.CANCELLED).later(1).update());
    roster.resume(desk.half.id());
    replicate.replicate(order.later(1).update()); // the app handles it again when the account resumes

    assertThat(whileStopped.retryLater()).isEmpty();
    assertThat(desk.half.writes).containsExactly("place BUY 260 LIMIT 112.5", "cancel HALF-1");
    assertThat(desk.quarter.writes).containsExactly("place BUY 130 LIMIT 112.5", "cancel QUARTER-1");
    assertThat(desk.copy(desk.half, "entry").state()).isEqualTo(CopyState.CANCELLED);
  }

  @Test
  void aStoppedAccountInFillsModeSkipsEachNewFill() {
    List<Follower> fills = List.of(Desk.changed(followers.get(1), s -> s.withCopyMode(CopyMode.FILLS)));
    FollowerRoster stoppedFollower = new FollowerRoster(fills, desk.store, desk.clock);
    stoppedFollower.stop(fills.get(0).settings().account(), DH_901);
    ReplicateLeaderOrder fillsOnly = new ReplicateLeaderOrder(desk.store, desk.catalogue, desk.leader,
        stoppedFollower, desk.capital, desk.clock, Runnable::run, new DeferredCopies());
    Frame order = Frame.buy(520);

    fillsOnly.replicate(order.filled(130).update());
    fillsOnly.replicate(order.filled(520).later(1).update());

    assertThat(desk.half.writes).isEmpty();
    assertThat(desk.steps(desk.half)).containsExactly("fill-unsent-130", "fill-unsent-520");
  }

  @Test
  void aCancelRefusedForTheTokenSaysToStopAndIsNotRetriedMeanwhile() {
    Frame order = Frame.buy(520);
    replicate.replicate(order.update());
    desk.half.nextCancel(() -> {
      throw new AuthenticationException("DH-901", "DELETE orders: HTTP 401 DH-901");
    });

    ReplicationResult result = replicate.replicate(order.status(OrderStatus.CANCELLED).later(1).update());

    assertThat(result.retryLater()).isEmpty();
    assertThat(result.refused()).extracting(AccountRefusal::follower, AccountRefusal::kind)
        .containsExactly(tuple(desk.half.id(), Kind.TOKEN));
    assertThat(desk.copy(desk.half, "entry").state()).isEqualTo(CopyState.PLACED);
  }

  private static Instrument freeze(int units) {
    Instrument nifty = LeaderOrder.NIFTY_CE;
    return new Instrument(nifty.key(), nifty.tradingSymbol(), "NIFTY", nifty.type(), nifty.lotSize(),
        nifty.tickSize(), nifty.expiry(), nifty.strike(), nifty.optionType(), Optional.of(Quantity.of(units)));
  }
}
