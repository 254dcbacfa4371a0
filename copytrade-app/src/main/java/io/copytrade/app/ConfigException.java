package io.copytrade.app;

/** Configuration that cannot be used. The message names the variable and never contains a secret. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
