package io.copytrade.ports.model;

import java.util.Objects;

/** What "GET /profile" says of the credentials: whose they are and until when (as Dhan words it). */
public record Profile(AccountId account, String tokenValidity, String activeSegments) {
  public Profile {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(tokenValidity, "tokenValidity");
    Objects.requireNonNull(activeSegments, "activeSegments");
  }
}
