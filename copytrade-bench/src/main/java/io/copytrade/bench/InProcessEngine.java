package io.copytrade.bench;

import com.google.inject.Guice;
import io.copytrade.app.CopyEngine;
import io.copytrade.app.CopytradeModule;
import io.copytrade.app.EngineConfig;
import io.copytrade.app.FollowerConfig;
import io.copytrade.domain.replication.FollowerSettings;
import io.copytrade.domain.sizing.SizingStrategy;
import io.copytrade.ports.broker.AccessToken;
import io.copytrade.ports.broker.Credentials;
import io.copytrade.ports.broker.TokenSource;
import io.copytrade.ports.model.OrderId;
import io.copytrade.testkit.FakeAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine wired as the app wires it ({@link CopytradeModule}), in this JVM, on a fresh database, copying
 * the desk's leader to each of its followers by capital.
 */
final class InProcessEngine implements AutoCloseable {
  /** How long every scenario waits for an engine, in this JVM or its own, to be READY. */
  static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
  /** The engine reads the leader's book again 2 s after connecting; measuring starts after that. */
  private static final Duration SETTLE = Duration.ofSeconds(3);

  private final CopyEngine engine;
  private final Path dir;
  /** Per leader order, when the engine's listener first heard of a copy of it with a broker order id. */
  private final Map<OrderId, Long> recorded = new ConcurrentHashMap<>();
  final Duration startedIn;

  private InProcessEngine(Desk desk, Limits limits, Path dir) throws InterruptedException {
    this.dir = dir;
    List<FollowerConfig> followers = desk.followers.stream().map(f -> new FollowerConfig(credentials(f),
        new FollowerSettings(f.id(), new SizingStrategy.CapitalProportional(), List.of()))).toList();
    EngineConfig config = new EngineConfig(credentials(desk.leader), followers, desk.endpoints(),
        dir.resolve("copy.db")).withResilience(limits.settings());
    engine = Guice.createInjector(new CopytradeModule(config)).getInstance(CopyEngine.class);
    engine.addListener((update, copies) -> {
      long now = System.nanoTime();
      if (copies.stream().anyMatch(c -> c.followerOrderId().isPresent())) recorded.putIfAbsent(update.orderId(), now);
    });
    long start = System.nanoTime();
    engine.start();
    if (!engine.awaitReady(READY_TIMEOUT)) {
      engine.close();
      throw new IllegalStateException("the engine was not ready within " + READY_TIMEOUT);
    }
    startedIn = Duration.ofNanos(System.nanoTime() - start);
    Thread.sleep(SETTLE.toMillis());
  }

  static InProcessEngine start(Desk desk, Limits limits) throws IOException, InterruptedException {
    return new InProcessEngine(desk, limits, Files.createTempDirectory("copytrade-bench-"));
  }

  /** When the engine's copy listener first heard of a placed copy of the leader order. */
  Optional<Long> recorded(OrderId leaderOrder) {
    return Optional.ofNullable(recorded.get(leaderOrder));
  }

  static Credentials credentials(FakeAccount account) {
    return new Credentials(account.id(), TokenSource.fixed(new AccessToken(account.token())));
  }

  @Override
  public void close() throws IOException {
    engine.close();
    TempDirs.delete(dir);
  }
}
