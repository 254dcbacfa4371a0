package io.copytrade.ports.model;

/** The instrument master's "INSTRUMENT" column. */
public enum InstrumentType {
  INDEX,
  FUTIDX,
  OPTIDX,
  EQUITY,
  FUTSTK,
  OPTSTK,
  FUTCOM,
  OPTFUT,
  FUTCUR,
  OPTCUR;

  public boolean isOption() {
    return this == OPTIDX || this == OPTSTK || this == OPTFUT || this == OPTCUR;
  }
}
