package io.copytrade.app;

import static io.copytrade.app.ScenarioDesk.LOT;
import static io.copytrade.app.ScenarioDesk.NIFTY_CE;
import static org.assertj.core.api.Assertions.assertThat;

import io.copytrade.app.ScenarioDesk.Follower;
import io.copytrade.app.resilience.RateLimit;
import io.copytrade.ports.model.OrderId;
import io.copytrade.testkit.FakeDhanExtension;
import io.copytrade.testkit.FakeOrderSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy the client-side rate limit refused before sending is placed as soon as the limit allows, once, and
 * without being looked for at the broker: not after the 20 s an order in TRANSIT is given to show up.
 */
class ThrottledCopyTest {
  @RegisterExtension static final FakeDhanExtension FAKE = new FakeDhanExtension();

  @TempDir Path dir;
  private ScenarioDesk desk;

  @AfterEach
  void stopEngine() {
    desk.close();
  }

  @Test
  void aCopyRefusedByTheClientSideLimitIsPlacedOnceTheLimitAllowsWithoutALookup() {
    desk = new ScenarioDesk(FAKE.fake(), dir);
    // One order write every 3 s per account, refused at once beyond that: the second copy is refused unsent.
    Follower half = desk.startWithHalf(standard -> standard.withOrderLimits(
        List.of(new RateLimit(1, Duration.ofSeconds(3))), Duration.ZERO));

    OrderId first = desk.leader.places(FakeOrderSpec.buy(NIFTY_CE).quantity(2 * LOT).market());
    OrderId second = desk.leader.places(FakeOrderSpec.buy(NIFTY_CE).quantity(4 * LOT).market());

    desk.oneCopyEach(first, "entry", LOT);
    // Within ScenarioDesk.WAIT (10 s) of the first: the absence window (20 s) would have come too late.
    desk.oneCopyEach(second, "entry", 2 * LOT);
    desk.awaitPosition(half, NIFTY_CE, 3 * LOT);
    desk.assertNoMoreOrders();
    assertThat(FAKE.fake().requests()).as("lookups of the follower's copies by correlation id")
        .noneMatch(call -> call.path().startsWith("/v2/orders/external/")
            && call.account().equals(Optional.of(half.account().id())));
  }
}
