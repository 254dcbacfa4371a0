package io.copytrade.app;

/** The engine could not start (credentials refused, broker unreachable). Names the account, not the token. */
public final class EngineStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EngineStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
