package io.copytrade.ports.broker;

import java.util.Optional;

/** A failure talking to the broker that is not a stated refusal. Messages never contain a token. */
public abstract class BrokerException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;

  protected BrokerException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** Dhan's error code (e.g. "DH-904") when the broker sent one. */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }
}
