package io.copytrade.ports.broker;

import io.copytrade.ports.model.AccountId;
import java.util.Objects;

/** An account and where its token comes from. Prints no token. */
public record Credentials(AccountId account, TokenSource tokens) {
  public Credentials {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(tokens, "tokens");
  }

  @Override
  public String toString() {
    return "Credentials[" + account + "]";
  }
}
