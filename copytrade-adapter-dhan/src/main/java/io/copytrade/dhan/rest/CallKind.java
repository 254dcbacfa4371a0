package io.copytrade.dhan.rest;

import io.copytrade.ports.broker.BrokerException;
import io.copytrade.ports.broker.BrokerUnavailableException;
import io.copytrade.ports.broker.OutcomeUnknownException;
import io.copytrade.ports.broker.UnexpectedResponseException;

/**
 * Whether a call only reads or writes an order: the same failure means different things. A read that failed
 * changed nothing and can be asked again; an order write whose answer was lost or unreadable may have acted.
 */
enum CallKind {
  READ,
  WRITE;

  private static final String MAY_HAVE_ACTED =
      "; it may have taken effect: resolve by correlation id before repeating it";

  /** The request may have been sent, and no usable answer came (timeout, reset, cut-off body). */
  BrokerException lost(String message, Throwable cause) {
    return this == READ
        ? new BrokerUnavailableException(null, message, cause)
        : new OutcomeUnknownException(message + MAY_HAVE_ACTED, cause);
  }

  /** Dhan answered 5xx, or DH-907/908/909/910 (its own systems failed) with any status. */
  BrokerException serverFailed(String code, String message) {
    return this == READ
        ? new BrokerUnavailableException(code, message, null)
        : new OutcomeUnknownException(message + MAY_HAVE_ACTED, null);
  }

  /**
   * Dhan answered 2xx with something we cannot read. For an order write that answer most likely meant
   * "accepted", so the outcome, not the response, is what the caller must treat as unknown.
   */
  BrokerException unreadable(String message, Throwable cause) {
    return this == READ
        ? new UnexpectedResponseException(message, cause)
        : new OutcomeUnknownException(message + MAY_HAVE_ACTED, cause);
  }
}
