package io.copytrade.ports.broker;

/**
 * The broker could not be reached or failed before acting (connection refused, HTTP 5xx on a read). A read
 * may be retried; a write that may have been received raises {@link OutcomeUnknownException} instead.
 */
public final class BrokerUnavailableException extends BrokerException {
  private static final long serialVersionUID = 1L;

  public BrokerUnavailableException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
