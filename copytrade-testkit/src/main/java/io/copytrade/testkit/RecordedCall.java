package io.copytrade.testkit;

import io.copytrade.ports.model.AccountId;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request the fake received, whatever it answered.
 *
 * @param path the path without the query, e.g. "/v2/orders"
 * @param headers header names in lower case
 * @param account the account whose current token the request carried, if any
 */
public record RecordedCall(
    String method, String path, Map<String, String> headers, String body, Optional<AccountId> account) {

  public RecordedCall {
    headers = Map.copyOf(headers);
  }
}
