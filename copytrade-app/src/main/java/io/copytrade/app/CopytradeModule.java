package io.copytrade.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.copytrade.app.resilience.ResilientBroker;
import io.copytrade.dhan.Backoff;
import io.copytrade.dhan.DhanBroker;
import io.copytrade.dhan.DhanInstrumentMaster;
import io.copytrade.dhan.DhanOrderStream;
import io.copytrade.sqlite.SqliteStore;
import java.time.InstantSource;
import java.util.List;

/** Wires the engine from plain constructors; nothing outside this package knows Guice. */
public final class CopytradeModule extends AbstractModule {
  private final EngineConfig config;
  private final CrashPoints crash;

  public CopytradeModule(EngineConfig config) {
    this(config, CrashPoints.NONE);
  }

  CopytradeModule(EngineConfig config, CrashPoints crash) {
    this.config = config;
    this.crash = crash;
  }

  @Provides
  EngineConfig config() {
    return config;
  }

  @Provides
  @Singleton
  InstantSource clock() {
    return InstantSource.system();
  }

  @Provides
  @Singleton
  SqliteStore store() {
    return SqliteStore.open(config.database());
  }

  @Provides
  @Singleton
  DhanBroker broker() {
    return new DhanBroker(config.endpoints());
  }

  @Provides
  @Singleton
  DhanOrderStream stream() {
    return new DhanOrderStream(config.endpoints().orderUpdateSocket(), Backoff.standard());
  }

  @Provides
  @Singleton
  CopyEngine engine(DhanBroker broker, DhanOrderStream stream, SqliteStore store, InstantSource clock) {
    return new CopyEngine(config, new ResilientBroker(broker, config.resilience()), stream,
        new DhanInstrumentMaster(config.endpoints().instrumentMaster()), store, clock,
        List.of(stream, broker, store), crash);
  }
}
