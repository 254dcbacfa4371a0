package io.copytrade.dhan;

import io.copytrade.dhan.wire.WireValueException;
import io.copytrade.ports.broker.BrokerUnavailableException;
import io.copytrade.ports.broker.UnexpectedResponseException;
import io.copytrade.ports.instrument.InstrumentMaster;
import io.copytrade.ports.instrument.MasterFile;
import io.copytrade.ports.model.Instrument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.HashingSink;
import okio.Okio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dhan's detailed instrument master: downloaded to a temporary file with its SHA-256 (whether Dhan's file
 * server sends validators such as ETag is not documented, so the content itself says whether it changed),
 * then read line by line. Index rows and rows that cannot be read are skipped and counted in one summary log
 * line.
 */
public final class DhanInstrumentMaster implements InstrumentMaster {
  private static final Logger log = LoggerFactory.getLogger(DhanInstrumentMaster.class);

  private final URI csv;
  private final OkHttpClient client;

  public DhanInstrumentMaster(URI csv) {
    this.csv = Objects.requireNonNull(csv, "csv");
    this.client = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(30))
        .build();
  }

  /** Streams the body to a temporary file, hashing it on the way (SHA-256 is the fingerprint). */
  @Override
  public MasterFile download() {
    Request request = new Request.Builder().url(csv.toString()).build();
    Path file = temporaryFile();
    try (Response response = client.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new BrokerUnavailableException(null, "GET " + csv + ": HTTP " + response.code(), null);
      }
      try (HashingSink hashing = HashingSink.sha256(Okio.sink(file)); BufferedSink out = Okio.buffer(hashing)) {
        out.writeAll(response.body().source());
        out.flush();
        return new Downloaded(file, hashing.hash().hex());
      }
    } catch (IOException e) {
      deleteQuietly(file);
      throw new BrokerUnavailableException(null, "GET " + csv + ": " + e, e);
    } catch (RuntimeException e) {
      deleteQuietly(file);
      throw e;
    } finally {
      client.connectionPool().evictAll(); // read once a day: keep no idle connection
    }
  }

  private static Path temporaryFile() {
    try {
      return Files.createTempFile("instrument-master-", ".csv");
    } catch (IOException e) {
      throw new UncheckedIOException("no temporary file for the instrument master", e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("could not delete {}: {}", file, e.toString());
    }
  }

  /** The downloaded CSV, read line by line (the file is tens of megabytes). */
  private final class Downloaded implements MasterFile {
    private final Path file;
    private final String fingerprint;

    Downloaded(Path file, String fingerprint) {
      this.file = file;
      this.fingerprint = fingerprint;
    }

    @Override
    public String fingerprint() {
      return fingerprint;
    }

    @Override
    public long readAll(Consumer<Instrument> sink) {
      try (BufferedSource source = Okio.buffer(Okio.source(file))) {
        return read(source, sink);
      } catch (IOException e) {
        throw new UncheckedIOException("reading the downloaded instrument master " + file, e);
      }
    }

    @Override
    public void close() {
      deleteQuietly(file);
    }
  }

  private long read(BufferedSource source, Consumer<Instrument> sink) throws IOException {
    String header = source.readUtf8Line();
    if (header == null) throw new UnexpectedResponseException("instrument master " + csv + " is empty", null);
    ScripMasterParser parser;
    try {
      parser = ScripMasterParser.forHeader(header);
    } catch (WireValueException e) {
      throw new UnexpectedResponseException("instrument master " + csv + ": " + e.getMessage(), e);
    }
    RowCounts counts = new RowCounts();
    long lineNumber = 1;
    for (String line = source.readUtf8Line(); line != null; line = source.readUtf8Line()) {
      lineNumber++;
      if (line.isBlank()) continue;
      Optional<Instrument> instrument;
      try {
        instrument = parser.parse(line);
      } catch (RuntimeException unreadable) { // a wire value, a number not exact, or a model value refusing it
        counts.unreadable(lineNumber, unreadable.getMessage());
        continue;
      }
      if (instrument.isPresent()) {
        sink.accept(instrument.get());
        counts.handed++;
      } else {
        counts.indices++;
      }
    }
    log.info("instrument master {}: {} instruments read; skipped {} index rows and {} unreadable rows{}", csv,
        counts.handed, counts.indices, counts.unreadable, counts.firstProblem);
    return counts.handed;
  }

  /** What one read saw; the first unreadable row is named so the summary line can be acted on. */
  private static final class RowCounts {
    long handed;
    long indices;
    long unreadable;
    String firstProblem = "";

    void unreadable(long lineNumber, String problem) {
      if (unreadable++ == 0) firstProblem = " (first at line " + lineNumber + ": " + problem + ")";
    }
  }
}
