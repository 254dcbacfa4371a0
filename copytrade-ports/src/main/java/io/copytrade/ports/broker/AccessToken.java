package io.copytrade.ports.broker;

/**
 * A broker access token (a JWT). Its text is a secret: {@link #toString()} never shows it; only the
 * adapter that puts it on the wire calls {@link #reveal()}.
 */
public final class AccessToken {
  private final String secret;

  public AccessToken(String secret) {
    if (secret == null || secret.isBlank()) throw new IllegalArgumentException("access token is empty");
    if (secret.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
      throw new IllegalArgumentException("access token has whitespace or non-ASCII characters");
    }
    this.secret = secret;
  }

  public String reveal() {
    return secret;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessToken other && other.secret.equals(secret);
  }

  @Override
  public int hashCode() {
    return secret.hashCode();
  }

  @Override
  public String toString() {
    return "AccessToken[redacted]";
  }
}
