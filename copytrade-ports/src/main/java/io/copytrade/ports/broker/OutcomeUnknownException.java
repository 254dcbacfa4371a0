package io.copytrade.ports.broker;

/**
 * An order write was sent and no answer came (timeout, connection reset, 5xx after sending): the order may
 * exist. Never send it again blindly; ask the broker by correlation id first.
 */
public final class OutcomeUnknownException extends BrokerException {
  private static final long serialVersionUID = 1L;

  public OutcomeUnknownException(String message, Throwable cause) {
    super(null, message, cause);
  }
}
