package io.copytrade.ports.broker;

/**
 * The broker refused a request that has no refusal value of its own (a read with bad input, DH-905), or
 * refused the account itself on any call (DH-902 no trading access, DH-903 an account problem, DH-905
 * "Invalid IP", DH-911). Nothing was done; retrying the same request will not help.
 */
public final class RequestRefusedException extends BrokerException {
  private static final long serialVersionUID = 1L;

  public RequestRefusedException(String code, String message) {
    super(code, message, null);
  }
}
