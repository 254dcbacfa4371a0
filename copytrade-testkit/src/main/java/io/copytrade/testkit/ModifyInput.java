package io.copytrade.testkit;

import io.copytrade.ports.model.Price;
import java.util.Optional;

/** A modify-order body that passed Dhan's input checks; absent fields keep the order's current values. */
record ModifyInput(
    String orderType,
    String validity,
    Optional<Integer> quantity,
    Optional<Price> price,
    Optional<Price> triggerPrice,
    Optional<Integer> disclosedQuantity) {}
