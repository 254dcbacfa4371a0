package io.copytrade.app;

import com.google.inject.Guice;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** The {@code copytrade} command line. Exit status: 0 done, 1 failed while running, 2 bad usage or config. */
public final class Main {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private static final String USAGE_TEXT = """
      usage: java -jar copytrade.jar <command>
        run    copy the leader's orders to the follower on Dhan; configuration from the environment
        demo   run the engine against an embedded fake Dhan and print what it copied
        help   show this text""";

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
