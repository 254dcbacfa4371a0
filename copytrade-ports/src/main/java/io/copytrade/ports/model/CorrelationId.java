package io.copytrade.ports.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * Our id for a follower order, sent to Dhan as "correlationId": at most 25 characters of letters, digits,
 * space, '_' and '-'. Derived deterministically, so a retry or a restart computes the same id again and
 * the broker can be asked whether the order already exists.
 */
public record CorrelationId(String value) {
  public static final int MAX_LENGTH = 25;
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9 _-]{1," + MAX_LENGTH + "}");
  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuv".toCharArray();
  private static final String PREFIX = "ct-";

  public CorrelationId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "correlation id must be 1-25 of [A-Za-z0-9 _-]: '" + value + "'");
    }
  }

  public static CorrelationId of(String value) {
    return new CorrelationId(value);
  }

  /**
   * The id of one step of copying one leader order to one follower: "ct-" and 22 base-32 digits (110 bits)
   * of SHA-256 over the three parts. Steps name what the order does ("entry", "slice-2", "exit-1").
   */
  public static CorrelationId derive(OrderId leaderOrder, AccountId follower, String step) {
    if (step == null || step.isBlank()) throw new IllegalArgumentException("step must not be blank");
    byte[] hash = sha256(leaderOrder.value() + '\n' + follower.value() + '\n' + step);
    StringBuilder id = new StringBuilder(PREFIX);
    long bits = 0;
    int held = 0;
    for (int i = 0; id.length() < MAX_LENGTH; ) {
      if (held < 5) {
        bits = (bits << 8) | (hash[i++] & 0xff);
        held += 8;
      }
      id.append(ALPHABET[(int) (bits >>> (held - 5)) & 31]);
      held -= 5;
    }
    return new CorrelationId(id.toString());
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
