package io.copytrade.ports.broker;

/** Where an account's current access token comes from; tokens rotate, so callers ask on every use. */
@FunctionalInterface
public interface TokenSource {
  AccessToken current();

  static TokenSource fixed(AccessToken token) {
    return () -> token;
  }
}
