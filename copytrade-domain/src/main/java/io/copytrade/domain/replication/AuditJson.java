package io.copytrade.domain.replication;

import java.math.BigDecimal;

/** Builds the small flat JSON objects kept in the audit log's detail. */
final class AuditJson {
  private final StringBuilder json = new StringBuilder("{");

  AuditJson text(String name, String value) {
    return name(name).quoted(value);
  }

  AuditJson number(String name, long value) {
    name(name).json.append(value);
    return this;
  }

  /** A decimal written as a JSON number, exactly as given (e.g. rupees "112.50"). */
  AuditJson number(String name, BigDecimal value) {
    name(name).json.append(value.toPlainString());
    return this;
  }

  @Override
  public String toString() {
    return json + "}";
  }

  private AuditJson name(String name) {
    if (json.length() > 1) json.append(',');
    return quoted(name).colon();
  }

  private AuditJson colon() {
    json.append(':');
    return this;
  }

  private AuditJson quoted(String value) {
    json.append('"');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) json.append(String.format("\\u%04x", (int) c));
          else json.append(c);
        }
      }
    }
    json.append('"');
    return this;
  }
}
