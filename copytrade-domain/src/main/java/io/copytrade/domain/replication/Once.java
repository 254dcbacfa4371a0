package io.copytrade.domain.replication;

import java.util.function.Supplier;

/** Asks its source at most once, when first needed; a failure is not kept, so the next ask tries again. */
final class Once<T> implements Supplier<T> {
  private final Supplier<T> source;
  private T value;

  Once(Supplier<T> source) {
    this.source = source;
  }

  @Override
  public synchronized T get() {
    if (value == null) value = source.get();
    return value;
  }
}
