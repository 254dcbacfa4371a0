package io.copytrade.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * Switches for behaviour the API reference marks UNCONFIRMED (or measured two ways), so a client can be
 * tested against each. Thread-safe; changes apply to the next request or event. Defaults are listed on each.
 */
public final class FakeSettings {
  /** How the order-update socket writes {@code Status}. */
  public enum StatusCase {
    /** "TRADED", "CANCELLED" (the documented enum). Default. */
    UPPER,
    /** "Traded", "Cancelled", "Part_Traded" (the docs' sample frame sends "Cancelled"). */
    MIXED
  }

  /** How the order-update socket reports a partial fill. REST always says PART_TRADED. */
  public enum PartialFill {
    /** Status PART_TRADED. Default. */
    PART_TRADED,
    /** Status PENDING with TradedQty &lt; Quantity. */
    PENDING
  }

  /** How REST answers a token it does not know. */
  public enum InvalidToken {
    /** HTTP 401, DH-901 Invalid_Authentication. Default. */
    HTTP_401_DH_901,
    /** HTTP 400, DH-906 Order_Error "Invalid Token" (measured for server-invalidated tokens). */
    HTTP_400_DH_906
  }

  /** The shape of {@code GET /trades/{order-id}}: docs show one object, the OpenAPI sample an array. */
  public enum TradesOfOrder {
    /** An array of every trade of the order. Default. */
    ARRAY,
    /** The order's latest trade as one object ({@code []} when it has none). */
    OBJECT
  }

  private static final Duration DEFAULT_TRANSIT = Duration.ofMillis(20);

  private volatile Duration transitDuration = DEFAULT_TRANSIT;
  private volatile StatusCase statusCase = StatusCase.UPPER;
  private volatile PartialFill partialFill = PartialFill.PART_TRADED;
  private volatile boolean camelCaseDuplicates;
  private volatile InvalidToken invalidToken = InvalidToken.HTTP_401_DH_901;
  private volatile TradesOfOrder tradesOfOrder = TradesOfOrder.ARRAY;
  private volatile boolean instrumentCsvNeedsToken;
  private volatile Duration clockOffset = Duration.ZERO;
  private volatile Duration loginLatency = Duration.ZERO;
  private volatile Duration restLatency = Duration.ZERO;

  FakeSettings() {}

  /** How long a new order stays TRANSIT before the OMS moves it on. Default 20 ms. */
  public FakeSettings transitDuration(Duration duration) {
    if (duration.isNegative()) throw new IllegalArgumentException("negative transit: " + duration);
    transitDuration = duration;
    return this;
  }

  public Duration transitDuration() {
    return transitDuration;
  }

  public FakeSettings statusCase(StatusCase value) {
    statusCase = Objects.requireNonNull(value);
    return this;
  }

  public StatusCase statusCase() {
    return statusCase;
  }

  public FakeSettings partialFill(PartialFill value) {
    partialFill = Objects.requireNonNull(value);
    return this;
  }

  public PartialFill partialFill() {
    return partialFill;
  }

  /**
   * Whether order alerts also carry the docs' sample's lower-camel duplicates (series, goodTillDaysDate,
   * instrumentType, refLtp, tickSize, algoId, multiplier) at the top of Data. Default off.
   */
  public FakeSettings camelCaseDuplicates(boolean on) {
    camelCaseDuplicates = on;
    return this;
  }

  public boolean camelCaseDuplicates() {
    return camelCaseDuplicates;
  }

  public FakeSettings invalidToken(InvalidToken value) {
    invalidToken = Objects.requireNonNull(value);
    return this;
  }

  public InvalidToken invalidToken() {
    return invalidToken;
  }

  public FakeSettings tradesOfOrder(TradesOfOrder value) {
    tradesOfOrder = Objects.requireNonNull(value);
    return this;
  }

  public TradesOfOrder tradesOfOrder() {
    return tradesOfOrder;
  }

  /** Whether {@code GET /v2/instrument/{segment}} needs an access-token. Default off (the CSV file never does). */
  public FakeSettings instrumentCsvNeedsToken(boolean on) {
    instrumentCsvNeedsToken = on;
    return this;
  }

  public boolean instrumentCsvNeedsToken() {
    return instrumentCsvNeedsToken;
  }

  /**
   * How far the broker's clock runs ahead of this machine's (negative: behind); it stamps every order time
   * Dhan sends. Default zero. A real client's clock is never exactly Dhan's.
   */
  public FakeSettings clockOffset(Duration offset) {
    clockOffset = Objects.requireNonNull(offset);
    return this;
  }

  public Duration clockOffset() {
    return clockOffset;
  }

  /**
   * How long after reading a socket's login the server starts pushing the account's events to it; events
   * in between never reach that socket. Dhan acknowledges no login, so a client cannot see this. Default zero.
   */
  public FakeSettings loginLatency(Duration latency) {
    if (latency.isNegative()) throw new IllegalArgumentException("negative login latency: " + latency);
    loginLatency = latency;
    return this;
  }

  public Duration loginLatency() {
    return loginLatency;
  }

  /**
   * A broker this far away: every HTTP request (REST and the instrument files) is held this long after it
   * arrives, before it is handled, so each call's round trip takes at least this. Scripted faults add to it.
   * Default zero.
   */
  public FakeSettings restLatency(Duration roundTrip) {
    if (roundTrip.isNegative()) throw new IllegalArgumentException("negative REST latency: " + roundTrip);
    restLatency = roundTrip;
    return this;
  }

  public Duration restLatency() {
    return restLatency;
  }

  void reset() {
    transitDuration = DEFAULT_TRANSIT;
    statusCase = StatusCase.UPPER;
    partialFill = PartialFill.PART_TRADED;
    camelCaseDuplicates = false;
    invalidToken = InvalidToken.HTTP_401_DH_901;
    tradesOfOrder = TradesOfOrder.ARRAY;
    instrumentCsvNeedsToken = false;
    clockOffset = Duration.ZERO;
    loginLatency = Duration.ZERO;
    restLatency = Duration.ZERO;
  }
}
