package io.copytrade.testkit;

import io.copytrade.ports.model.Price;
import java.util.Optional;

/**
 * A place-order body that passed Dhan's input checks. Enum fields keep Dhan's REST strings.
 *
 * @param triggerPrice {@link Price#ZERO} when absent, as the order record shows it
 */
record OrderInput(
    String side,
    InstrumentRow instrument,
    String productType,
    String orderType,
    String validity,
    int quantity,
    int disclosedQuantity,
    Price price,
    Price triggerPrice,
    Optional<String> correlationId,
    boolean afterMarketOrder) {

  OrderInput withQuantity(int newQuantity) {
    return new OrderInput(side, instrument, productType, orderType, validity, newQuantity, disclosedQuantity,
        price, triggerPrice, correlationId, afterMarketOrder);
  }
}
