package io.copytrade.ports.broker;

/**
 * The broker refused a request that has no refusal value of its own (a read with bad input, DH-905, or an
 * account problem, DH-902/903). Retrying the same request will not help.
 */
public final class RequestRefusedException extends BrokerException {
  private static final long serialVersionUID = 1L;

  public RequestRefusedException(String code, String message) {
    super(code, message, null);
  }
}
