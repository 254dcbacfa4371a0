package io.copytrade.dhan.wire;

/** A wire field was missing or held a value we do not know; the message names the field and the value. */
public final class WireValueException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_VALUE_CHARS = 40;

  private WireValueException(String message, Throwable cause) {
    super(message, cause);
  }

  public static WireValueException missing(String field) {
    return new WireValueException(field + " is missing", null);
  }

  public static WireValueException unknown(String field, String value) {
    return new WireValueException(field + " has unexpected value '" + quoted(value) + "'", null);
  }

  public static WireValueException unreadable(String field, String value, Throwable cause) {
    return new WireValueException(field + " cannot be read from '" + quoted(value) + "'", cause);
  }

  /** Two wire values that must agree do not, e.g. more filled than ordered. */
  public static WireValueException inconsistent(String message) {
    return new WireValueException(message, null);
  }

  /** Values are cut short so a message can never carry a whole secret the server echoed. */
  static String quoted(String value) {
    return WireValues.excerpt(value, MAX_VALUE_CHARS);
  }
}
