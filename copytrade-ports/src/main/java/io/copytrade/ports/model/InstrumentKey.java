package io.copytrade.ports.model;

import java.util.Objects;

/** An instrument's identity: its security id within an exchange segment. */
public record InstrumentKey(ExchangeSegment segment, SecurityId securityId) {
  public InstrumentKey {
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(securityId, "securityId");
  }

  public static InstrumentKey of(ExchangeSegment segment, String securityId) {
    return new InstrumentKey(segment, new SecurityId(securityId));
  }

  @Override
  public String toString() {
    return segment + ":" + securityId;
  }
}
