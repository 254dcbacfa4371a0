package io.copytrade.app;

import com.google.inject.Guice;
import io.copytrade.dhan.DhanEndpoints;
import io.copytrade.domain.replication.CopyMode;
import io.copytrade.domain.replication.FollowerSettings;
import io.copytrade.domain.sizing.SizingStrategy;
import io.copytrade.ports.broker.AccessToken;
import io.copytrade.ports.broker.Credentials;
import io.copytrade.ports.broker.TokenSource;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.store.CopyMapping;
import io.copytrade.testkit.FakeAccount;
import io.copytrade.testkit.FakeDhan;
import io.copytrade.testkit.FakeOrder;
import io.copytrade.testkit.FakeOrderSpec;
import io.copytrade.testkit.FakePosition;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code copytrade demo}: the real engine against an embedded fake Dhan on loopback. A leader with ₹10 lakh
 * trades NIFTY options through the fake's REST API; follower A (₹5 lakh, mirrors orders) and follower B
 * (₹2.5 lakh, copies fills only) follow: entries, a modify, a cancel, a partial fill and an exit. Each step
 * waits until both followers' accounts at the broker show its effect; exits 0 when every step did.
 */
final class Demo {
  static final Path DATABASE = Path.of("copytrade-demo.db");
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(15);
  private static final InstrumentKey CALL = InstrumentKey.of(ExchangeSegment.NSE_FNO, "35191");
  private static final InstrumentKey PUT = InstrumentKey.of(ExchangeSegment.NSE_FNO, "35192");
  private static final int LOT = 65;

  private final FakeDhan dhan;
  private final FakeAccount leader;
  private final FakeAccount mirror;
  private final FakeAccount fills;
  private final PrintStream out;
  /** Every copy by correlation id, in its latest state. */
  private final Map<String, CopyMapping> copies = new LinkedHashMap<>();
  private final List<Step> steps = new CopyOnWriteArrayList<>(List.of(new Step("start-up", Instant.now())));

  private Demo(FakeDhan dhan, PrintStream out) {
    this.dhan = dhan;
    this.out = out;
    this.leader = dhan.account("1000000001").funds(Money.ofRupees("1000000"));
    this.mirror = dhan.account("1000000002").funds(Money.ofRupees("500000"));
    this.fills = dhan.account("1000000003").funds(Money.ofRupees("250000"));
  }

  static int run(PrintStream out, PrintStream err) {
    deleteDatabase();
    try (FakeDhan dhan = FakeDhan.start()) {
      listInstruments(dhan);
      return new Demo(dhan, out).play();
    } catch (RuntimeException e) {
      err.println("demo failed: " + e.getMessage());
      return Main.FAILED;
    }
  }

  private int play() {
    try (CopyEngine engine = Guice.createInjector(new CopytradeModule(config())).getInstance(CopyEngine.class)) {
      engine.addListener((update, copies) -> copies.forEach(this::record)).start();
      leader.awaitOrderSocket(STEP_TIMEOUT);
      out.printf("fake Dhan at %s, database %s%n", dhan.restBase(), DATABASE.toAbsolutePath());
      out.println("leader 1000000001 ₹10,00,000; A 1000000002 ₹5,00,000 mirrors orders;"
          + " B 1000000003 ₹2,50,000 copies fills; NIFTY lot 65\n");

      begin("entry: leader buys 8 lots CE at 112.50");
      OrderId call = leader.places(FakeOrderSpec.buy(CALL).quantity(8 * LOT).limit("112.50").product("MARGIN"));
      boolean ok = await(() -> openOrder(mirror, CALL, 4 * LOT) && fills.orderBook().isEmpty());
      begin("modify: leader makes it 12 lots at 112.80");
      leader.modifies(call, FakeOrderSpec.buy(CALL).quantity(12 * LOT).limit("112.80").product("MARGIN"));
      ok &= await(() -> openOrder(mirror, CALL, 6 * LOT));
      begin("cancel: leader cancels it");
      leader.cancels(call);
      ok &= await(() -> status(mirror, CALL, "CANCELLED"));

      begin("entry: leader buys 8 lots PE at 98.00");
      OrderId put = leader.places(FakeOrderSpec.buy(PUT).quantity(8 * LOT).limit("98.00").product("MARGIN"));
      ok &= await(() -> openOrder(mirror, PUT, 4 * LOT));
      begin("partial fill: 4 of the leader's 8 lots trade");
      dhan.market().fill(put, 4 * LOT);
      ok &= await(() -> held(fills, PUT) == LOT);
      begin("fill: the rest trades, A's order too");
      dhan.market().price(PUT, Price.ofRupees("98.00"));
      ok &= await(() -> held(fills, PUT) == 2 * LOT && held(mirror, PUT) == 4 * LOT);
      begin("exit: leader sells all 8 lots");
      leader.places(FakeOrderSpec.sell(PUT).quantity(8 * LOT).market().product("MARGIN"));
      ok &= await(() -> held(mirror, PUT) == 0 && held(fills, PUT) == 0);

      print();
      out.println(ok ? "every step was copied" : "some steps were not copied");
      return ok ? Main.OK : Main.FAILED;
    }
  }

  /** Names the step the next copies belong to, and when it began (for their lag). */
  private void begin(String name) {
    steps.add(new Step(name, Instant.now()));
    out.println("- " + name);
  }

  /** Waits until the followers' accounts at the broker show the step's effect. */
  private boolean await(BooleanSupplier done) {
    long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        out.println("  not copied within " + STEP_TIMEOUT + ": " + steps.get(steps.size() - 1).name());
        return false;
      }
      pause();
    }
    return true;
  }

  private synchronized void record(CopyMapping copy) {
    copies.put(copy.correlationId().value(), copy);
  }

  private synchronized void print() {
    String format = "%-45s %-3s %-13s %-13s %-9s %-11s %6s %5s %6s  %s%n";
    out.printf("%n" + format, "made during", "", "leader order", "copy order", "step", "state", "leader",
        "copy", "lag ms", "sizing");
    for (CopyMapping copy : copies.values()) {
      Step during = stepOf(copy.createdAt());
      out.printf(format, during.name(), copy.follower().equals(mirror.id()) ? "A" : "B",
          copy.leaderOrderId(), copy.followerOrderId().map(OrderId::value).orElse("-"), copy.step(),
          copy.state(), copy.leaderQuantity(), copy.followerQuantity(),
          Duration.between(during.began(), copy.createdAt()).toMillis(),
          copy.sizing() + copy.reason().map(why -> " (" + why + ")").orElse(""));
    }
    out.println();
  }

  /** The last step that began before {@code at}: the leader action the copy answers. */
  private Step stepOf(Instant at) {
    Step during = steps.get(0);
    for (Step step : steps) {
      if (!step.began().isAfter(at)) during = step;
    }
    return during;
  }

  private static boolean openOrder(FakeAccount account, InstrumentKey key, int quantity) {
    return account.orderBook().stream().anyMatch(o -> o.instrument().equals(key) && o.quantity() == quantity
        && (o.status().equals("PENDING") || o.status().equals("TRANSIT")));
  }

  private static boolean status(FakeAccount account, InstrumentKey key, String status) {
    List<FakeOrder> orders = account.orderBook().stream().filter(o -> o.instrument().equals(key)).toList();
    return !orders.isEmpty() && orders.stream().allMatch(o -> o.status().equals(status));
  }

  private static int held(FakeAccount account, InstrumentKey key) {
    return account.positions().stream().filter(p -> p.instrument().equals(key))
        .mapToInt(FakePosition::netQty).sum();
  }

  private EngineConfig config() {
    SizingStrategy proportional = new SizingStrategy.CapitalProportional();
    return new EngineConfig(credentials(leader), List.of(
        new FollowerConfig(credentials(mirror), new FollowerSettings(mirror.id(), proportional, List.of())),
        new FollowerConfig(credentials(fills), new FollowerSettings(fills.id(), proportional, List.of())
            .withCopyMode(CopyMode.FILLS))),
        new DhanEndpoints(dhan.restBase(), dhan.orderUpdateSocket(), dhan.instrumentMaster()), DATABASE);
  }

  private static Credentials credentials(FakeAccount account) {
    return new Credentials(account.id(), TokenSource.fixed(new AccessToken(account.token())));
  }

  private static void listInstruments(FakeDhan dhan) {
    LocalDate expiry = LocalDate.of(2026, 12, 29);
    dhan.instruments()
        .option(CALL, "NIFTY", "NIFTY-Dec2026-27650-CE", LOT, Price.ofPaise(5), expiry,
            Price.ofRupees("27650"), "CE", 1800)
        .option(PUT, "NIFTY", "NIFTY-Dec2026-27650-PE", LOT, Price.ofPaise(5), expiry,
            Price.ofRupees("27650"), "PE", 1800);
    dhan.market().price(CALL, Price.ofRupees("113.00")).price(PUT, Price.ofRupees("98.05"));
  }

  private static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void deleteDatabase() {
    try {
      for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of(DATABASE + suffix));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the previous demo database " + DATABASE, e);
    }
  }

  private record Step(String name, Instant began) {}
}
