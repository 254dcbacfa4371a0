package io.copytrade.app;

import com.google.inject.Guice;
import io.copytrade.dhan.DhanEndpoints;
import io.copytrade.domain.replication.FollowerSettings;
import io.copytrade.domain.sizing.SizingStrategy;
import io.copytrade.ports.broker.AccessToken;
import io.copytrade.ports.broker.Credentials;
import io.copytrade.ports.broker.TokenSource;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.store.CopyMapping;
import io.copytrade.testkit.FakeAccount;
import io.copytrade.testkit.FakeDhan;
import io.copytrade.testkit.FakeOrderSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code copytrade demo}: the real engine against an embedded fake Dhan on loopback. A leader with ₹10 lakh
 * places NIFTY option orders through the fake's REST API; a follower with ₹2.5 lakh gets a quarter, in whole
 * lots. Prints one row per copy and exits 0 when every copy was placed.
 */
final class Demo {
  static final Path DATABASE = Path.of("copytrade-demo.db");
  private static final Duration COPY_TIMEOUT = Duration.ofSeconds(10);
  private static final Set<CopyState> PLACED =
      EnumSet.of(CopyState.PLACED, CopyState.PART_FILLED, CopyState.FILLED);
  private static final InstrumentKey CALL = InstrumentKey.of(
      ExchangeSegment.NSE_FNO, "35191");
  private static final InstrumentKey PUT = InstrumentKey.of(
      ExchangeSegment.NSE_FNO, "35192");

  private Demo() {}

  static int run(PrintStream out, PrintStream err) {
    deleteDatabase();
    try (FakeDhan dhan = FakeDhan.start()) {
      listInstruments(dhan);
      FakeAccount leader = dhan.account("1000000001").funds(Money.ofRupees("1000000"));
      FakeAccount follower = dhan.account("1000000002").funds(Money.ofRupees("250000"));
      Map<OrderId, List<CopyMapping>> copies = new ConcurrentHashMap<>();
      try (CopyEngine engine = Guice.createInjector(new CopytradeModule(config(dhan, leader, follower)))
          .getInstance(CopyEngine.class)) {
        engine.addListener((update, made) -> copies.put(update.orderId(), made)).start();
        out.printf("fake Dhan at %s, database %s%n%n", dhan.restBase(), DATABASE.toAbsolutePath());
        List<Row> rows = new ArrayList<>();
        for (FakeOrderSpec order : script()) {
          Instant sent = Instant.now();
          OrderId leaderOrder = leader.places(order);
          List<CopyMapping> made = await(copies, leaderOrder);
          made.forEach(copy -> rows.add(new Row(copy, Duration.between(sent, copy.updatedAt()))));
          if (made.isEmpty()) rows.add(Row.missing(leaderOrder, order.quantity()));
        }
        print(out, rows);
        boolean allPlaced = rows.stream().allMatch(Row::placed);
        out.println(allPlaced ? "every copy was placed" : "some copies were not placed");
        return allPlaced ? Main.OK : Main.FAILED;
      }
    } catch (RuntimeException e) {
      err.println("demo failed: " + e.getMessage());
      return Main.FAILED;
    }
  }

  private static void listInstruments(FakeDhan dhan) {
    LocalDate expiry = LocalDate.of(2026, 12, 29);
    dhan.instruments()
        .option(CALL, "NIFTY", "NIFTY-Dec2026-27650-CE", 65, Price.ofPaise(5), expiry,
            Price.ofRupees("27650"), "CE", 1800)
        .option(PUT, "NIFTY", "NIFTY-Dec2026-27650-PE", 65, Price.ofPaise(5), expiry,
            Price.ofRupees("27650"), "PE", 1800);
    dhan.market().price(CALL, Price.ofRupees("112.50"));
    dhan.market().price(PUT, Price.ofRupees("98.05"));
  }

  /** The leader's orders: limit and market, calls and puts, all sized to whole lots for the follower. */
  private static List<FakeOrderSpec> script() {
    return List.of(
        FakeOrderSpec.buy(CALL).quantity(8 * 65).limit("112.50"),
        FakeOrderSpec.buy(PUT).quantity(4 * 65).market(),
        FakeOrderSpec.buy(CALL).quantity(12 * 65).limit("111.00"));
  }

  private static EngineConfig config(FakeDhan dhan, FakeAccount leader, FakeAccount follower) {
    Credentials followerCredentials = credentials(follower);
    FollowerSettings settings = new FollowerSettings(follower.id(),
        new SizingStrategy.CapitalProportional(), List.of());
    return new EngineConfig(credentials(leader), List.of(new FollowerConfig(followerCredentials, settings)),
        new DhanEndpoints(dhan.restBase(), dhan.orderUpdateSocket(), dhan.instrumentMaster()), DATABASE);
  }

  private static Credentials credentials(FakeAccount account) {
    return new Credentials(account.id(), TokenSource.fixed(new AccessToken(account.token())));
  }

  private static List<CopyMapping> await(Map<OrderId, List<CopyMapping>> copies, OrderId leaderOrder) {
    long deadline = System.nanoTime() + COPY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      List<CopyMapping> made = copies.get(leaderOrder);
      if (made != null) return made;
      try {
        TimeUnit.MILLISECONDS.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return List.of();
  }

  private static void print(PrintStream out, List<Row> rows) {
    String format = "%-15s %-15s %10s %12s %8s  %s%n";
    out.printf(format, "leader order", "follower order", "leader qty", "follower qty", "lag ms", "sizing");
    rows.forEach(r -> out.printf(format, r.leaderOrder, r.followerOrder, r.leaderQty, r.followerQty,
        r.lagMillis, r.sizing));
    out.println();
  }

  private static void deleteDatabase() {
    try {
      for (String suffix : List.of("", "-wal", "-shm")) {
        Files.deleteIfExists(Path.of(DATABASE + suffix));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the previous demo database " + DATABASE, e);
    }
  }

  private record Row(String leaderOrder, String followerOrder, int leaderQty, int followerQty,
      String lagMillis, String sizing, boolean placed) {
    Row(CopyMapping copy, Duration lag) {
      this(copy.leaderOrderId().value(), copy.followerOrderId().map(OrderId::value).orElse("-"),
          copy.leaderQuantity().units(), copy.followerQuantity().units(), Long.toString(lag.toMillis()),
          copy.sizing() + copy.reason().map(r -> " (" + r + ")").orElse(""),
          PLACED.contains(copy.state()));
    }

    static Row missing(OrderId leaderOrder, int leaderQty) {
      return new Row(leaderOrder.value(), "-", leaderQty, 0, "-", "no copy within " + COPY_TIMEOUT, false);
    }
  }
}
