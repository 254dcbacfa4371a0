package io.copytrade.dhan.ws;

import static io.copytrade.dhan.wire.WireValues.required;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.copytrade.dhan.wire.WireValues;
import io.copytrade.ports.broker.LeaderOrderListener;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.LeaderOrderUpdate;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one frame and tells the listener what it held: its order updates, in order, then at most one report
 * of what could not be read, which is also logged once at WARN. Other message types are skipped without a
 * word. Nothing in a frame can make this throw: the stream must outlive any frame.
 */
final class FrameReader {
  /**
   * The largest frame read: characters of a text frame, bytes of a binary one. An order alert is about
   * 1.5 KB, so this leaves room for 40 in one frame; anything larger is reported without being parsed. (OkHttp
   * has buffered the frame by then; what the limit saves is the parse.)
   */
  static final int MAX_FRAME_SIZE = 64 * 1024;

  private static final Logger log = LoggerFactory.getLogger(FrameReader.class);
  private static final String ORDER_ALERT = "order_alert";
  private static final int MAX_REASON_CHARS = 200;
  private static final int MAX_EXCERPT_CHARS = 200;

  private final JsonAdapter<OrderAlertJson> alerts;
  private final AccountId account;

  FrameReader(JsonAdapter<OrderAlertJson> alerts, AccountId account) {
    this.alerts = alerts;
    this.account = account;
  }

  void read(String frame, String token, LeaderOrderListener listener) {
    if (frame.length() > MAX_FRAME_SIZE) {
      report(listener, token, List.of(new Problem(tooLarge("text", frame.length(), "characters"), frame)));
      return;
    }
    if (frame.isBlank()) {
      report(listener, token, List.of(new Problem("empty frame", frame)));
      return;
    }
    List<Problem> problems = new ArrayList<>();
    for (Segment segment : segments(frame)) {
      if (!segment.object()) {
        problems.add(new Problem("text outside a JSON object", segment.text()));
        continue;
      }
      Optional<LeaderOrderUpdate> update;
      try {
        update = readObject(segment.text());
      } catch (IOException | RuntimeException unreadable) { // a wire value, a model value, or anything unforeseen
        problems.add(new Problem(reason(unreadable), segment.text()));
        continue;
      }
      update.ifPresent(listener::onOrderUpdate);
    }
    report(listener, token, problems);
  }

  /** Dhan documents text frames only; JSON that arrives as UTF-8 in a binary frame is read all the same. */
  void read(ByteString frame, String token, LeaderOrderListener listener) {
    if (frame.size() > MAX_FRAME_SIZE) {
      report(listener, token, List.of(new Problem(tooLarge("binary", frame.size(), "bytes"), frame.utf8())));
      return;
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(frame.asByteBuffer()).toString(); // reports bad bytes
    } catch (CharacterCodingException e) {
      report(listener, token, List.of(new Problem("binary frame of " + frame.size() + " bytes is not UTF-8 text",
          frame.utf8()))); // bad bytes shown as U+FFFD
      return;
    }
    read(text, token, listener);
  }

  private Optional<LeaderOrderUpdate> readObject(String json) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    String type = null;
    String data = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.nextName()) {
        case "Type" -> type = once("Type", type, reader.nextString());
        case "Data" -> data = once("Data", data, rawJson(reader)); // Type may come after Data: read once known
        default -> reader.skipValue();
      }
    }
    reader.endObject();
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) throw new JsonDataException("text follows the JSON object");
    if (!ORDER_ALERT.equals(required("Type", type))) return Optional.empty();
    return Optional.of(OrderAlertMapper.update(account, alert(required("Data", data))));
  }

  /** Moshi's paths start at {@code Data}, so its messages are prefixed to say where they point. */
  private OrderAlertJson alert(String data) throws IOException {
    try {
      return required("Data", alerts.fromJson(data));
    } catch (JsonDataException e) {
      throw new JsonDataException("in Data: " + e.getMessage(), e);
    }
  }

  /** A key given twice is fine only with the same value; otherwise which one is meant would be a guess. */
  private static String once(String key, String previous, String value) {
    if (previous != null && !previous.equals(value)) {
      throw new JsonDataException("'" + key + "' appears twice with different values");
    }
    return value;
  }

  private static String rawJson(JsonReader reader) throws IOException {
    try (BufferedSource source = reader.nextSource()) {
      return source.readUtf8();
    }
  }

  private static String tooLarge(String kind, int size, String unit) {
    return kind + " frame of " + size + " " + unit + " is over the limit of " + MAX_FRAME_SIZE + "; not read";
  }

  private static String reason(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * One report for the whole frame, naming its first problem. The token is redacted before the text is cut,
   * so no part of it can survive at the cut.
   */
  private void report(LeaderOrderListener listener, String token, List<Problem> problems) {
    if (problems.isEmpty()) return;
    Problem first = problems.get(0);
    String more = problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more unreadable parts)";
    String problem = WireValues.excerpt(WireValues.redact(first.reason(), token), MAX_REASON_CHARS) + "; frame: "
        + WireValues.excerpt(WireValues.redact(first.text(), token), MAX_EXCERPT_CHARS) + more;
    log.warn("order-update frame for {} skipped: {}", account, problem);
    listener.onMalformedFrame(problem);
  }

  /** What was wrong with one part of a frame, and that part. */
  private record Problem(String reason, String text) {}

  /** A run of a frame: one top-level JSON object, or the text between objects. */
  private record Segment(String text, boolean object) {}

  /**
   * Splits a frame into its top-level objects and the text around them (one third-party client has seen
   * two alerts in one frame; unconfirmed). Braces inside strings do not count. An object still open at the
   * end is kept as it is, for the JSON reader to say where it stops.
   */
  private static List<Segment> segments(String frame) {
    List<Segment> segments = new ArrayList<>();
    int depth = 0;
    int start = 0;
    boolean inString = false;
    boolean escaped = false;
    for (int i = 0; i < frame.length(); i++) {
      char c = frame.charAt(i);
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
      } else if (depth > 0 && c == '"') {
        inString = true;
      } else if (c == '{') {
        if (depth++ == 0) {
          addBetween(segments, frame.substring(start, i));
          start = i;
        }
      } else if (c == '}' && depth > 0 && --depth == 0) {
        segments.add(new Segment(frame.substring(start, i + 1), true));
        start = i + 1;
      }
    }
    if (depth > 0) {
      segments.add(new Segment(frame.substring(start), true));
    } else {
      addBetween(segments, frame.substring(start));
    }
    return segments;
  }

  private static void addBetween(List<Segment> segments, String text) {
    if (!text.isBlank()) segments.add(new Segment(text, false));
  }
}
