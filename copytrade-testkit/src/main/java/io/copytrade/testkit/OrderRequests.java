package io.copytrade.testkit;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.Price;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Dhan's input rules for order bodies (§2.2, §2.3, §2.6, §3.4); each violation is a 400 DH-905. */
final class OrderRequests {
  static final Set<String> SIDES = Set.of("BUY", "SELL");
  static final Set<String> PRODUCTS = Set.of("CNC", "INTRADAY", "MARGIN", "MTF", "CO", "BO");
  static final Set<String> ORDER_TYPES = Set.of("LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_MARKET");
  static final Set<String> VALIDITIES = Set.of("DAY", "IOC");
  private static final Set<String> LEGS = Set.of("ENTRY_LEG", "TARGET_LEG", "STOP_LOSS_LEG");
  private static final Set<String> AMO_TIMES = Set.of("PRE_OPEN", "OPEN", "OPEN_30", "OPEN_60");
  /** Tradable segments; IDX_I (index values) takes no orders. */
  private static final Set<String> SEGMENTS = Arrays.stream(ExchangeSegment.values())
      .filter(s -> s != ExchangeSegment.IDX_I).map(Enum::name).collect(Collectors.toSet());
  /** Measured: 25 characters pass, 26 fail; letters, digits, space, '_' and '-'. */
  private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9 _-]{1,25}");

  private OrderRequests() {}

  static OrderInput place(RequestFields body, AccountId account, FakeInstruments instruments) {
    requireOwnAccount(body, account);
    String side = body.oneOf("transactionType", SIDES);
    InstrumentRow instrument = instrument(body, instruments);
    String product = body.oneOf("productType", PRODUCTS);
    String orderType = body.oneOf("orderType", ORDER_TYPES);
    String validity = body.oneOf("validity", VALIDITIES);
    int quantity = body.integer("quantity");
    if (quantity <= 0) throw DhanError.input("quantity must be > 0: " + quantity);
    int disclosed = body.optionalInteger("disclosedQuantity").orElse(0);
    Price price = body.price("price");
    Price trigger = body.optionalPrice("triggerPrice").orElse(Price.ZERO);
    requirePrices(orderType, price, trigger);
    Optional<String> correlationId = body.optionalText("correlationId");
    correlationId.filter(id -> !CORRELATION_ID.matcher(id).matches()).ifPresent(id -> {
      throw DhanError.input("correlationId must be at most 25 of [A-Za-z0-9 _-]: " + id);
    });
    body.optionalOneOf("amoTime", AMO_TIMES);
    return new OrderInput(side, instrument, product, orderType, validity, quantity, disclosed, price, trigger,
        correlationId, body.flag("afterMarketOrder"));
  }

  /** LIMIT and STOP_LOSS need a price; both stop-loss types need a trigger. Zero means "not given". */
  static void requirePrices(String orderType, Price price, Price trigger) {
    if (price.isZero() && (orderType.equals("LIMIT") || orderType.equals("STOP_LOSS"))) {
      throw DhanError.input("price is required for " + orderType);
    }
    if (trigger.isZero() && orderType.startsWith("STOP_LOSS")) {
      throw DhanError.input("triggerPrice is required for " + orderType);
    }
  }

  /** {@code quantity} is the order's new total, as Dhan's v2 modify takes it. */
  static ModifyInput modify(RequestFields body, AccountId account, OrderId pathId) {
    requireOwnAccount(body, account);
    if (!body.text("orderId").equals(pathId.value())) {
      throw DhanError.input("orderId in the body differs from the path: " + body.text("orderId"));
    }
    body.optionalOneOf("legName", LEGS);
    Optional<Integer> quantity = body.optionalInteger("quantity");
    quantity.filter(q -> q <= 0).ifPresent(q -> {
      throw DhanError.input("quantity must be > 0: " + q);
    });
    return new ModifyInput(body.oneOf("orderType", ORDER_TYPES), body.oneOf("validity", VALIDITIES), quantity,
        body.optionalPrice("price"), body.optionalPrice("triggerPrice"), body.optionalInteger("disclosedQuantity"));
  }

  /** Checks a margin-calculator body and answers the premium it asks about, in paise. */
  static long marginPremium(RequestFields body, AccountId account, FakeInstruments instruments, Book book) {
    requireOwnAccount(body, account);
    body.oneOf("transactionType", SIDES);
    body.oneOf("productType", PRODUCTS);
    InstrumentRow instrument = instrument(body, instruments);
    int quantity = body.integer("quantity");
    Price price = body.price("price");
    body.optionalPrice("triggerPrice");
    Price at = price.isZero() ? book.lastPrice(instrument.key()).orElse(Price.ZERO) : price;
    return Math.multiplyExact(at.paise(), (long) quantity);
  }

  private static void requireOwnAccount(RequestFields body, AccountId account) {
    String clientId = body.text("dhanClientId");
    if (!clientId.equals(account.value())) {
      throw DhanError.input("dhanClientId " + clientId + " does not match the access token's client");
    }
  }

  private static InstrumentRow instrument(RequestFields body, FakeInstruments instruments) {
    String segment = body.oneOf("exchangeSegment", SEGMENTS);
    String securityId = body.text("securityId");
    return instruments.find(InstrumentKey.of(ExchangeSegment.valueOf(segment), securityId))
        .orElseThrow(() -> DhanError.input("Invalid securityId " + securityId + " in " + segment));
  }
}
