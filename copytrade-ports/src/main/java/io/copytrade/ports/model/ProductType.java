package io.copytrade.ports.model;

/** Dhan product: CNC delivery, INTRADAY, MARGIN (F\&O carry-forward), MTF, cover and bracket orders. */
public enum ProductType {
  CNC, INTRADAY, MARGIN, MTF, CO, BO
}
