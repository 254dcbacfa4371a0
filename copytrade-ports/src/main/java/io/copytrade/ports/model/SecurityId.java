package io.copytrade.ports.model;

/** An instrument's id in Dhan's instrument master (e.g. "35191"), unique within its exchange segment. */
public record SecurityId(String value) {
  public SecurityId {
    if (value == null || value.isBlank() || value.length() > 32) {
      throw new IllegalArgumentException("security id must be 1-32 non-blank characters: '" + value + "'");
    }
  }

  public static SecurityId of(String value) {
    return new SecurityId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
