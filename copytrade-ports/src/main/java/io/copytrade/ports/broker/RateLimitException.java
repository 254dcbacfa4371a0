package io.copytrade.ports.broker;

/** The broker throttled the account (HTTP 429, DH-904): back off, then try again. */
public final class RateLimitException extends BrokerException {
  private static final long serialVersionUID = 1L;

  public RateLimitException(String code, String message) {
    super(code, message, null);
  }
}
