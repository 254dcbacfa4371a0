package io.copytrade.dhan;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What the module logs at WARN and above while open, kept off the console: the fuzz tests skip thousands of
 * frames and count one line for each.
 */
final class CapturedLogs implements AutoCloseable {
  private static final String MODULE = "io.copytrade.dhan";

  private final Logger logger = (Logger) LoggerFactory.getLogger(MODULE);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  CapturedLogs() {
    appender.start();
    logger.addAppender(appender);
    logger.setAdditive(false);
  }

  /** Each line as printed: message and, when one was logged, the stack trace. */
  List<String> warnings() {
    synchronized (appender) { // appends hold this lock
      return appender.list.stream()
          .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
          .map(event -> event.getFormattedMessage()
              + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
          .toList();
    }
  }

  @Override
  public void close() {
    logger.setAdditive(true);
    logger.detachAppender(appender);
  }
}
