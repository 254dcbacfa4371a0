package io.copytrade.ports.model;

/** How an order is priced: LIMIT, MARKET, STOP_LOSS (stop-loss limit) or STOP_LOSS_MARKET. */
public enum OrderType {
  LIMIT, MARKET, STOP_LOSS, STOP_LOSS_MARKET
}
