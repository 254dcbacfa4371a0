package io.copytrade.app;

import com.google.inject.Guice;
import io.copytrade.sqlite.SqliteStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** The {@code copytrade} command line. Exit status: 0 done, 1 failed while running, 2 bad usage or config. */
public final class Main {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private static final String USAGE_TEXT = """
      usage: java -jar copytrade.jar <command>
        run        copy the leader's orders to the follower on Dhan; configuration from the environment
        reconcile  ask the engine using COPYTRADE_DB to compare follower positions with their targets now
                   (each follower's policy decides: alert, flat-only or resync); it also does so at every start
        demo       run the engine against an embedded fake Dhan and print what it copied
        help       show this text""";

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.length != 1) {
      err.println(args.length == 0 ? "no command given" : "expected one command, got " + args.length);
      err.println(USAGE_TEXT);
      return USAGE;
    }
    return switch (args[0]) {
      case "run" -> runEngine(env, err);
      case "reconcile" -> requestReconciliation(env, out, err);
      case "demo" -> Demo.run(out, err);
      case "help", "--help", "-h" -> {
        out.println(USAGE_TEXT);
        yield OK;
      }
      default -> {
        err.println("unknown command '" + args[0] + "'");
        err.println(USAGE_TEXT);
        yield USAGE;
      }
    };
  }

  /** The engine owns every order write, so the request goes through its database rather than to Dhan. */
  private static int requestReconciliation(Map<String, String> env, PrintStream out, PrintStream err) {
    Path database = Path.of(env.getOrDefault("COPYTRADE_DB", EnvConfig.DEFAULT_DATABASE));
    if (!Files.isRegularFile(database)) {
      err.println("no copytrade database at " + database + " (COPYTRADE_DB): the engine has not run there;"
          + " it reconciles at every start");
      return FAILED;
    }
    try (SqliteStore store = SqliteStore.open(database)) {
      Reconciler.request(store, Instant.now());
    }
    out.println("reconciliation requested in " + database + ": a running engine does it within "
        + CopyEngine.RECONCILE_REQUESTS.toSeconds() + " s and logs reconciliation_done; a stopped one does it when"
        + " it next starts");
    return OK;
  }

  private static int runEngine(Map<String, String> env, PrintStream err) {
    EngineConfig config;
    CrashPoints crash;
    try {
      config = EnvConfig.from(env);
      crash = CrashPoints.from(env, err);
    } catch (ConfigException e) {
      err.println("configuration error: " + e.getMessage());
      return USAGE;
    }
    CountDownLatch stop = new CountDownLatch(1);
    try (CopyEngine engine = Guice.createInjector(new CopytradeModule(config, crash))
        .getInstance(CopyEngine.class)) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        engine.close();
        stop.countDown();
      }, "copytrade-shutdown"));
      engine.start();
      stop.await();
      return OK;
    } catch (EngineStartException e) {
      err.println("cannot start: " + e.getMessage());
      return FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FAILED;
    }
  }
}
