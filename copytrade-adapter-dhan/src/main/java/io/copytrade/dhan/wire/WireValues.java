package io.copytrade.dhan.wire;

import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Conversions from wire values to model values, each naming its field when it fails. */
public final class WireValues {
  /** Dhan stamps times in India Standard Time without a zone. */
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final String UNSET_DATE = "0001-01-01";
  private static final String ELLIPSIS = "...";
  /** Long.MAX_VALUE paise is about 9.2E+16 rupees. */
  private static final int MAX_RUPEE_DIGITS = 17;

  private WireValues() {}

  public static <T> T required(String field, T value) {
    if (value == null) throw WireValueException.missing(field);
    return value;
  }

  /**
   * A model value made from a required wire value. What the model refuses (a negative quantity, an id too
   * long) is reported under the wire's field name, with the value cut short.
   */
  public static <W, M> M modelValue(String field, W wire, Function<W, M> model) {
    try {
      return model.apply(required(field, wire));
    } catch (IllegalArgumentException refused) {
      throw WireValueException.unreadable(field, String.valueOf(wire), refused);
    }
  }

  /** A cumulative fill, which can never exceed the order's quantity. */
  public static Quantity filledQuantity(String field, Integer filled, String quantityField, Quantity quantity) {
    Quantity filledQuantity = modelValue(field, filled, Quantity::of);
    if (filledQuantity.compareTo(quantity) > 0) {
      throw WireValueException.inconsistent(field + " " + filledQuantity + " exceeds " + quantityField + " " + quantity);
    }
    return filledQuantity;
  }

  /** Each element of a wire list as a model value; a null element is a missing {@code element}. */
  public static <W, M> List<M> each(String element, List<W> wire, Function<W, M> model) {
    return wire.stream().map(w -> model.apply(required(element, w))).toList();
  }

  /** Dhan's ways of saying "not set": absent, blank, {@code "NA"}, or a {@code 0001-01-01} date. */
  public static boolean isUnset(String text) {
    return text == null || text.isBlank() || text.trim().equalsIgnoreCase("NA") || text.startsWith(UNSET_DATE);
  }

  public static BigDecimal decimal(String field, String text) {
    try {
      return new BigDecimal(required(field, text).trim());
    } catch (NumberFormatException e) {
      throw WireValueException.unreadable(field, text, e);
    }
  }

  /** A price on the tick grid (order, trigger, fill, strike): a fraction of a paisa is an error. */
  public static Price price(String field, BigDecimal rupees) {
    return modelValue(field, rupees, r -> Price.ofRupees(inPaiseRange(field, r).toString()));
  }

  /** A price where Dhan sends 0 (or nothing) to mean "none". */
  public static Optional<Price> optionalPrice(String field, BigDecimal rupees) {
    return isZeroOrAbsent(rupees) ? Optional.empty() : Optional.of(price(field, rupees));
  }

  /**
   * An average of several fills is not on the tick grid (112.475); it is rounded to the nearest paisa, half
   * to even. Averages inform, they never price an order.
   */
  public static Price averagePrice(String field, BigDecimal rupees) {
    return modelValue(field, rupees, r -> Price.ofPaise(toPaise(field, r)));
  }

  public static Optional<Price> optionalAveragePrice(String field, BigDecimal rupees) {
    return isZeroOrAbsent(rupees) ? Optional.empty() : Optional.of(averagePrice(field, rupees));
  }

  /**
   * Balances, margins and profit are computed by Dhan in floating point; digits below a paisa are noise and
   * are rounded half to even.
   */
  public static Money money(String field, BigDecimal rupees) {
    return Money.ofPaise(toPaise(field, required(field, rupees)));
  }

  /** A {@code yyyy-MM-dd HH:mm:ss} IST timestamp; empty when unset. */
  public static Optional<Instant> istTimestamp(String field, String text) {
    if (isUnset(text)) return Optional.empty();
    try {
      return Optional.of(LocalDateTime.parse(text.trim(), TIMESTAMP).atZone(IST).toInstant());
    } catch (DateTimeParseException e) {
      throw WireValueException.unreadable(field, text, e);
    }
  }

  /** A {@code yyyy-MM-dd} date, possibly followed by a time of day, which is dropped; empty when unset. */
  public static Optional<LocalDate> date(String field, String text) {
    if (isUnset(text)) return Optional.empty();
    String trimmed = text.trim();
    try {
      return Optional.of(LocalDate.parse(trimmed.length() > 10 ? trimmed.substring(0, 10) : trimmed));
    } catch (DateTimeParseException e) {
      throw WireValueException.unreadable(field, text, e);
    }
  }

  /**
   * Our correlation id, when the order carries one we could have sent. Dhan fills in its own when none was
   * sent, and an id that is not of our form cannot be ours, so both read as absent.
   */
  public static Optional<CorrelationId> correlationId(String text) {
    if (isUnset(text)) return Optional.empty();
    try {
      return Optional.of(CorrelationId.of(text));
    } catch (IllegalArgumentException notOurs) {
      return Optional.empty();
    }
  }

  /** {@code text} in at most {@code maxChars} characters, ending in "..." where it was cut. */
  public static String excerpt(String text, int maxChars) {
    return text.length() <= maxChars ? text : text.substring(0, maxChars - ELLIPSIS.length()) + ELLIPSIS;
  }

  /** Replaces every occurrence of the secret, so text from a server can go into a message or a log. */
  public static String redact(String text, String secret) {
    return text == null ? "" : text.replace(secret, "[redacted]");
  }

  private static boolean isZeroOrAbsent(BigDecimal value) {
    return value == null || value.signum() == 0;
  }

  /** Rounds to whole paise; rounding 1E-999999999 would divide by a billion-digit number, so tiny is zero. */
  private static long toPaise(String field, BigDecimal rupees) {
    BigDecimal paise = inPaiseRange(field, rupees).scaleByPowerOfTen(2);
    if (integerDigits(paise) < 0) return 0; // under 0.1 paise
    try {
      return paise.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    } catch (ArithmeticException e) {
      throw WireValueException.unreadable(field, rupees.toString(), e);
    }
  }

  /**
   * Refuses rupees whose paise cannot fit a long before any arithmetic: scaling 1E+999999999 (which also
   * {@code movePointRight} and {@code toPlainString} do) would compute a billion digits.
   */
  private static BigDecimal inPaiseRange(String field, BigDecimal rupees) {
    if (integerDigits(rupees) > MAX_RUPEE_DIGITS) throw WireValueException.unreadable(field, rupees.toString(), null);
    return rupees;
  }

  /** Digits before the decimal point; negative for values under 0.1. In long: the scale may be near MIN_VALUE. */
  private static long integerDigits(BigDecimal value) {
    return (long) value.precision() - value.scale();
  }

  /**
   * The cause to attach to an exception built from {@code failure}: itself when no message along its chain
   * holds the secret, else none (the wrapping message, redacted, still says what happened).
   */
  public static Throwable cleanCause(Throwable failure, String secret) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains(secret)) return null;
      for (Throwable suppressed : t.getSuppressed()) {
        if (cleanCause(suppressed, secret) == null) return null;
      }
    }
    return failure;
  }
}
