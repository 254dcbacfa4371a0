package io.copytrade.dhan;

import io.copytrade.dhan.wire.WireValueException;
import io.copytrade.ports.broker.BrokerUnavailableException;
import io.copytrade.ports.broker.UnexpectedResponseException;
import io.copytrade.ports.instrument.InstrumentMaster;
import io.copytrade.ports.model.Instrument;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dhan's detailed instrument master, streamed over HTTP line by line (the file is tens of megabytes). Index
 * rows and rows that cannot be read are skipped and counted in one summary log line.
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

  @Override
  public long readAll(Consumer<Instrument> sink) {
    Request request = new Request.Builder().url(csv.toString()).build();
    try (Response response = client.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new BrokerUnavailableException(null, "GET " + csv + ": HTTP " + response.code(), null);
      }
      return read(response.body(), sink);
    } catch (IOException e) {
      throw new BrokerUnavailableException(null, "GET " + csv + ": " + e, e);
    } finally {
      client.connectionPool().evictAll(); // read once a day: keep no idle connection
    }
  }

  private long read(ResponseBody body, Consumer<Instrument> sink) throws IOException {
    BufferedSource source = body.source();
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
