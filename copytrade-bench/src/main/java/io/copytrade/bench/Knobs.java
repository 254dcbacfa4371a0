package io.copytrade.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The harness's knobs, each a {@code -Dbench.*} system property with its default.
 *
 * @param warmup leader orders copied before the measured ones (bench.warmup)
 * @param orders measured leader orders of floor, engine and latency20 (bench.orders)
 * @param interval between those leader orders (bench.interval)
 * @param rate leader orders per second of rate and rss (bench.rate)
 * @param duration how long the leader trades at that rate (bench.duration)
 * @param drain how long copies may still come after the leader stops (bench.drain)
 * @param rateFollowers follower counts of rate (bench.followers)
 * @param fanoutFollowers follower counts of fanout (bench.fanout)
 * @param fanoutOrders measured leader orders per follower count of fanout (bench.fanout.orders)
 * @param fanoutGap the pause after every copy of one order arrived, before the next (bench.fanout.gap)
 * @param rssFollowers followers of the engine whose RSS is measured (bench.rss.followers)
 * @param rssDuration how long that engine copies the leader at {@code rate} (bench.rss.duration)
 * @param masterRows rows of the generated instrument master (bench.master.rows)
 * @param masterRuns timed loads of each kind (bench.master.runs)
 * @param startupRuns fresh-JVM starts with the master cached (bench.startup.runs)
 * @param limits the engine's client-side rate limits (bench.limits: dhan or none)
 * @param latency the simulated broker round trip of latency20 (bench.latency)
 * @param engineJvm extra JVM options of the engine's own JVM in rss and startup (bench.engine.jvm)
 */
record Knobs(int warmup, int orders, Duration interval, int rate, Duration duration, Duration drain,
    List<Integer> rateFollowers, List<Integer> fanoutFollowers, int fanoutOrders, Duration fanoutGap,
    int rssFollowers,
    Duration rssDuration, int masterRows, int masterRuns, int startupRuns, Limits limits, Duration latency,
    List<String> engineJvm) {

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

  static Knobs from(Properties p) {
    return new Knobs(
        integer(p, "bench.warmup", "20"),
        integer(p, "bench.orders", "300"),
        // 4 orders/s: 240 a minute stays under Dhan's 250 order calls a minute per account, as a leader must.
        duration(p, "bench.interval", "250ms"),
        integer(p, "bench.rate", "10"),
        duration(p, "bench.duration", "60s"),
        duration(p, "bench.drain", "30s"),
        integers(p, "bench.followers", "1,10,100"),
        integers(p, "bench.fanout", "1,10,100,500"),
        integer(p, "bench.fanout.orders", "30"),
        duration(p, "bench.fanout.gap", "1s"),
        integer(p, "bench.rss.followers", "100"),
        duration(p, "bench.rss.duration", "60s"),
        integer(p, "bench.master.rows", "200000"),
        integer(p, "bench.master.runs", "3"),
        integer(p, "bench.startup.runs", "5"),
        Limits.of(p.getProperty("bench.limits", "dhan")),
        duration(p, "bench.latency", "20ms"),
        p.getProperty("bench.engine.jvm", "").isBlank() ? List.of()
            : List.of(p.getProperty("bench.engine.jvm").trim().split("\\s+")));
  }

  /** "200ms", "60s" or "2m". */
  static Duration parseDuration(String key, String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) throw new IllegalArgumentException(key + " must be like 200ms, 60s or 2m, was '" + text + "'");
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      default -> Duration.ofMinutes(n);
    };
  }

  private static Duration duration(Properties p, String key, String fallback) {
    return parseDuration(key, p.getProperty(key, fallback));
  }

  private static int integer(Properties p, String key, String fallback) {
    String text = p.getProperty(key, fallback).trim();
    try {
      int value = Integer.parseInt(text);
      if (value < 0) throw new NumberFormatException();
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number >= 0, was '" + text + "'", e);
    }
  }

  private static List<Integer> integers(Properties p, String key, String fallback) {
    String text = p.getProperty(key, fallback);
    try {
      return Arrays.stream(text.split(",")).map(String::trim).map(Integer::parseInt).toList();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be whole numbers separated by commas, was '" + text + "'", e);
    }
  }
}
