package io.copytrade.app;

import static io.copytrade.app.ScenarioDesk.NIFTY_CE;
import static org.assertj.core.api.Assertions.assertThat;

import io.copytrade.app.ScenarioDesk.Follower;
import io.copytrade.app.ScenarioDesk.StoredCopy;
import io.copytrade.ports.model.OrderId;
import io.copytrade.testkit.FakeDhanExtension;
import io.copytrade.testkit.FakeOrder;
import io.copytrade.testkit.FakeOrderSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Position reconciliation through the real engine, loopback FakeDhan and a SQLite file: at start-up, and on
 * request from the {@code reconcile} command while the engine runs, each follower acting by its policy.
 */
class ReconciliationTest {
  @RegisterExtension static final FakeDhanExtension FAKE = new FakeDhanExtension();

  @TempDir Path dir;
  private ScenarioDesk desk;
  private SoakLog log;

  @BeforeEach
  void setUp() {
    desk = new ScenarioDesk(FAKE.fake(), dir);
    log = SoakLog.capture("io.copytrade");
  }

  @AfterEach
  void tearDown() {
    desk.close();
    log.close();
  }

  @Test
  void atStartUpResyncBuysThePositionTheLeaderAlreadyHeldAndAlertOnlyReports() {
    OrderId before = desk.leaderBuysFilled(NIFTY_CE, 520); // 8 lots, before the engine ever ran
    Follower resync = desk.follower("1000000002", "500000", Map.of("reconcile", "resync"));
    Follower alert = desk.follower("1000000003", "250000", Map.of());

    desk.start(List.of(resync, alert));

    FakeOrder bought = resync.account().orders().awaitNext(ScenarioDesk.WAIT);
    assertThat(bought.side() + " " + bought.quantity() + " " + bought.orderType())
        .isEqualTo("BUY 260 MARKET");
    desk.awaitPosition(resync, NIFTY_CE, 260);
    ScenarioDesk.awaitUntil("a mismatch alert for the alert-only follower",
        () -> log.count("position_mismatch_alert") >= 1);
    assertThat(reconcileSteps(resync)).containsExactly("reconcile-open PLACED 260");
    desk.assertNoMoreOrders();
    // The leader's order was history: never copied as an order, only reached through the position.
    assertThat(desk.storedCopies(before, resync)).isEmpty();

    // A live order makes the day one the engine ran; a restart then replays the whole day's book, which
    // must leave the history order out rather than copy it hours late.
    OrderId live = desk.leaderBuysResting(260);
    desk.oneCopyEach(live, "entry", 130, 65);
    desk.stopEngine();
    desk.start(List.of(resync, alert));
    desk.assertNoMoreOrders(ScenarioDesk.QUIET.multipliedBy(3));
    assertThat(desk.storedCopies(before, resync)).isEmpty();
    assertThat(ScenarioDesk.netPosition(resync.account(), NIFTY_CE)).isEqualTo(260);
    assertThat(ScenarioDesk.netPosition(alert.account(), NIFTY_CE)).isZero();
  }

  /**
   * The first read of the book on the day's first start tells history from what to copy; when it fails,
   * the next read must still leave the morning's orders as history, not copy them late.
   */
  @Test
  void aFailedFirstReadOfTheBookStillLeavesTheDaysHistoryUncopied() {
    OrderId before = desk.leaderBuysFilled(NIFTY_CE, 520);
    Follower alert = desk.follower("1000000002", "500000", Map.of());
    // Every try of the engine's first read of the leader's book fails.
    for (int i = 0; i < 3; i++) FAKE.faults().nextCall(desk.leader.id(), "GET", "/v2/orders").serverError();

    desk.start(List.of(alert));

    assertThat(log.count("leader_catch_up_failed")).isEqualTo(1);
    ScenarioDesk.awaitUntil("the start-up reconciliation after the read that succeeded",
        () -> log.count("position_mismatch_alert") >= 1);
    desk.assertNoMoreOrders(ScenarioDesk.QUIET.multipliedBy(3));
    assertThat(desk.storedCopies(before, alert)).isEmpty();
  }

  @Test
  void theReconcileCommandMakesTheRunningEngineCloseWhatTheLeaderNoLongerHolds() {
    Follower flatOnly = desk.follower("1000000002", "500000", Map.of("reconcile", "flat-only"));
    desk.start(List.of(flatOnly));
    OrderId entry = desk.leaderBuysFilled(NIFTY_CE, 520);
    desk.oneCopyEach(entry, "entry", 260);
    desk.awaitPosition(flatOnly, NIFTY_CE, 260);
    // The follower's exit copy is refused by the broker: it is left holding what the leader sold.
    desk.dhan.faults().nextPlace(flatOnly.account().id()).respond(400, "DH-905", "Invalid IP");
    OrderId exit = desk.leader.places(FakeOrderSpec.sell(NIFTY_CE).quantity(520).limit("112.50"));
    desk.awaitHandled(exit, update -> update.status().isTerminal());
    ScenarioDesk.awaitUntil("the refused exit copy is stored",
        () -> desk.storedCopies(exit, flatOnly).stream().anyMatch(c -> c.state().equals("FAILED")));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"reconcile"}, Map.of("COPYTRADE_DB", desk.database().toString()),
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("reconciliation requested");
    FakeOrder closed = flatOnly.account().orders().awaitNext(ScenarioDesk.WAIT);
    assertThat(closed.side() + " " + closed.quantity() + " " + closed.orderType()).isEqualTo("SELL 260 MARKET");
    desk.awaitPosition(flatOnly, NIFTY_CE, 0);
    // The close is a market order the broker fills at once: its copy follows the fill the follower's socket reports.
    ScenarioDesk.awaitUntil("the close copy filled",
        () -> reconcileSteps(flatOnly).equals(List.of("reconcile-close FILLED 260")));
    desk.assertNoMoreOrders();
  }

  @Test
  void theReconcileCommandNamesAMissingDatabase() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path missing = dir.resolve("none.db");

    int status = Main.run(new String[] {"reconcile"}, Map.of("COPYTRADE_DB", missing.toString()), System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(Main.FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no copytrade database at " + missing);
  }

  /** The follower's reconciliation copies as "step state quantity", oldest first. */
  private List<String> reconcileSteps(Follower follower) {
    List<String> steps = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + desk.database());
        Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT step, state, follower_quantity FROM copy_mappings"
            + " WHERE follower_account_id = '" + follower.account().id() + "' AND step LIKE 'reconcile%'"
            + " ORDER BY created_at")) {
      while (rs.next()) steps.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return steps;
  }
}
