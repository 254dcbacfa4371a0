package io.copytrade.ports.broker;

/** The broker answered with something we cannot read (malformed JSON, an unknown enum value). */
public final class UnexpectedResponseException extends BrokerException {
  private static final long serialVersionUID = 1L;

  public UnexpectedResponseException(String message, Throwable cause) {
    super(null, message, cause);
  }
}
