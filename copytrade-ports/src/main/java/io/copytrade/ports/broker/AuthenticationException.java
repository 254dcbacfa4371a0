package io.copytrade.ports.broker;

/** The token is invalid or expired (DH-901, or DH-906 "Invalid Token"): stop using the account, alert. */
public final class AuthenticationException extends BrokerException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String code, String message) {
    super(code, message, null);
  }
}
