package io.copytrade.ports.model;

import java.util.regex.Pattern;

/** A Dhan client id ("dhanClientId"), which names a trading account. */
public record AccountId(String value) {
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  public AccountId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("account id must be 1-32 of [A-Za-z0-9_-]: '" + value + "'");
    }
  }

  public static AccountId of(String value) {
    return new AccountId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
