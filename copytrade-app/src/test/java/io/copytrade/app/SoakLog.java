package io.copytrade.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Takes the engine's (and the fake's) log off the console for the length of a soak: thousands of events
 * would bury the figures. It counts every event name instead and keeps the first warnings and errors with
 * their key/value pairs, for the report. {@link #captureToFile} also writes every line to a file, for a
 * post-mortem of any figure that is not zero.
 */
final class SoakLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private static final int KEPT = 40;
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final Queue<String> problems = new ConcurrentLinkedQueue<>();
  private final AtomicInteger kept = new AtomicInteger();
  private final Logger logger;
  private final boolean additive;
  private final PrintWriter file;

  private SoakLog(Logger logger, PrintWriter file) {
    this.logger = logger;
    this.additive = logger.isAdditive();
    this.file = file;
  }

  static SoakLog capture(String loggerName) {
    return capture(loggerName, new PrintWriter(Writer.nullWriter()));
  }

  /** As {@link #capture(String)}, writing every line to {@code path} as well. */
  static SoakLog captureToFile(String loggerName, Path path) {
    try {
      Files.createDirectories(path.toAbsolutePath().getParent());
      return capture(loggerName, new PrintWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SoakLog capture(String loggerName, PrintWriter file) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    SoakLog log = new SoakLog(context.getLogger(loggerName), file);
    log.setContext(context);
    log.start();
    log.logger.addAppender(log);
    log.logger.setAdditive(false);
    return log;
  }

  @Override
  protected void append(ILoggingEvent event) {
    String name = event.getFormattedMessage();
    if (name.length() > 60) name = name.substring(0, 60);
    counts.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
    synchronized (file) {
      file.println(Instant.ofEpochMilli(event.getTimeStamp()) + " " + event.getThreadName() + " " + event.getLevel()
          + " " + event.getFormattedMessage() + " " + event.getKeyValuePairs());
    }
    if (event.getLevel().isGreaterOrEqual(Level.WARN) && kept.getAndIncrement() < KEPT) {
      String cause = event.getThrowableProxy() == null ? ""
          : " cause=" + event.getThrowableProxy().getClassName() + ": " + event.getThrowableProxy().getMessage();
      problems.add(event.getLevel() + " " + event.getFormattedMessage() + " " + event.getKeyValuePairs() + cause);
    }
  }

  long count(String event) {
    AtomicLong count = counts.get(event);
    return count == null ? 0 : count.get();
  }

  /** Every event name with its count, sorted by name. */
  Map<String, Long> counts() {
    Map<String, Long> sorted = new TreeMap<>();
    counts.forEach((k, v) -> sorted.put(k, v.get()));
    return sorted;
  }

  Iterable<String> firstProblems() {
    return problems;
  }

  @Override
  public void close() {
    logger.detachAppender(this);
    logger.setAdditive(additive);
    stop();
    synchronized (file) {
      file.close();
    }
  }
}
