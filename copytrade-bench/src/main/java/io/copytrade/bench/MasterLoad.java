package io.copytrade.bench;

import io.copytrade.dhan.DhanInstrumentMaster;
import io.copytrade.ports.instrument.InstrumentLoad;
import io.copytrade.ports.instrument.MasterFile;
import io.copytrade.sqlite.SqliteStore;
import io.copytrade.testkit.FakeDhan;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The instrument master of {@link Knobs#masterRows()} generated rows with Dhan's header, served by FakeDhan:
 * the bare download, and the engine's refresh (what the app's InstrumentRefresh does, through the same
 * adapters: download with SHA-256, then one transaction unless the fingerprint is the stored one) into a
 * fresh database, into a warm one when unchanged, and into a warm one when a row was added.
 */
final class MasterLoad {
  private final Knobs knobs;
  private final Report report;

  MasterLoad(Knobs knobs, Report report) {
    this.knobs = knobs;
    this.report = report;
  }

  void run() throws IOException {
    String label = String.format(Locale.ROOT, "master  %d rows", knobs.masterRows());
    Path dir = Files.createTempDirectory("copytrade-bench-master-");
    try (FakeDhan dhan = FakeDhan.start()) {
      dhan.instruments().generatedOptions(knobs.masterRows());
      DhanInstrumentMaster master = new DhanInstrumentMaster(dhan.instrumentMaster());
      OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
      Request csv = new Request.Builder().url(dhan.instrumentMaster().toString()).build();
      long bytes = download(http, csv); // builds the fake's CSV once, before anything is timed
      Latencies bare = new Latencies();
      for (int i = 0; i < knobs.masterRuns(); i++) {
        long start = System.nanoTime();
        download(http, csv);
        bare.record(System.nanoTime() - start);
      }
      report.figure(label + String.format(Locale.ROOT, " (%d MB)  bare download", bytes >> 20), bare);

      Latencies fresh = new Latencies();
      Path warm = dir.resolve("warm.db");
      for (int i = 0; i < knobs.masterRuns(); i++) {
        Path db = i == 0 ? warm : dir.resolve("fresh-" + i + ".db");
        try (SqliteStore store = SqliteStore.open(db)) {
          fresh.record(timedRefresh(master, store));
        }
      }
      report.figure(label + "  refresh into a fresh db", fresh);

      Latencies unchanged = new Latencies();
      Latencies changed = new Latencies();
      try (SqliteStore store = SqliteStore.open(warm)) {
        for (int i = 0; i < knobs.masterRuns(); i++) unchanged.record(timedRefresh(master, store));
        for (int i = 0; i < knobs.masterRuns(); i++) {
          dhan.instruments().generatedOptions(knobs.masterRows() + 1 + i); // a row more: another fingerprint
          changed.record(timedRefresh(master, store));
        }
      }
      report.figure(label + "  refresh into a warm db, unchanged", unchanged);
      report.figure(label + "  refresh into a warm db, a row added", changed);
      http.connectionPool().evictAll();
    }
    TempDirs.delete(dir);
  }

  private static long timedRefresh(DhanInstrumentMaster master, SqliteStore store) {
    long start = System.nanoTime();
    try (MasterFile file = master.download()) {
      boolean same = store.lastLoad().map(InstrumentLoad::fingerprint).filter(file.fingerprint()::equals)
          .isPresent();
      if (same) {
        store.confirmUnchanged(file.fingerprint(), Instant.now());
      } else {
        store.load(file, Instant.now());
      }
    }
    return System.nanoTime() - start;
  }

  private static long download(OkHttpClient http, Request csv) throws IOException {
    try (Response response = http.newCall(csv).execute()) {
      return response.body().byteStream().transferTo(OutputStream.nullOutputStream());
    }
  }
}
