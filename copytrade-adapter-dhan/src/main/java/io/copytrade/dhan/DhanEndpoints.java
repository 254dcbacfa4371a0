package io.copytrade.dhan;

import java.net.URI;
import java.util.Objects;

/**
 * Where Dhan lives: the REST base (ending in {@code /v2/}), the order-update socket and the detailed
 * instrument-master CSV.
 */
public record DhanEndpoints(URI restBase, URI orderUpdateSocket, URI instrumentMaster) {
  private static final URI ORDER_UPDATE_SOCKET = URI.create("wss://api-order-update.dhan.co");
  private static final URI DETAILED_INSTRUMENT_MASTER =
      URI.create("https://images.dhan.co/api-data/api-scrip-master-detailed.csv");

  /** A base without its trailing slash is given one: relative paths would otherwise drop {@code v2}. */
  public DhanEndpoints {
    Objects.requireNonNull(restBase, "restBase");
    Objects.requireNonNull(orderUpdateSocket, "orderUpdateSocket");
    Objects.requireNonNull(instrumentMaster, "instrumentMaster");
    if (!restBase.toString().endsWith("/")) restBase = URI.create(restBase + "/");
  }

  public static DhanEndpoints production() {
    return new DhanEndpoints(URI.create("https://api.dhan.co/v2/"), ORDER_UPDATE_SOCKET, DETAILED_INSTRUMENT_MASTER);
  }

  /** Dhan's sandbox has its own REST host and tokens; it shares the socket and the CSV. */
  public static DhanEndpoints sandbox() {
    return new DhanEndpoints(URI.create("https://sandbox.dhan.co/v2/"), ORDER_UPDATE_SOCKET, DETAILED_INSTRUMENT_MASTER);
  }
}
