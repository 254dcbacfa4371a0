package io.copytrade.app;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Pattern;

/**
 * Logback's {@code %redacted}: the formatted message with anything shaped like a JWT masked. Tokens are
 * never passed to a logger on purpose; this catches the accident (a library echoing a header or frame).
 */
public final class RedactingConverter extends ClassicConverter {
  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

  @Override
  public String convert(ILoggingEvent event) {
    return redact(event.getFormattedMessage());
  }

  static String redact(String text) {
    return text == null ? "" : JWT.matcher(text).replaceAll("[redacted-token]");
  }
}
