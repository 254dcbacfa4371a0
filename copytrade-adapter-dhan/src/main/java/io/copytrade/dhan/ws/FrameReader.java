package io.copytrade.dhan.ws;

import static io.copytrade.dhan.wire.WireValues.required;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.copytrade.dhan.wire.WireValueException;
import io.copytrade.dhan.wire.WireValues;
import io.copytrade.ports.broker.LeaderOrderListener;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.LeaderOrderUpdate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads one text frame and tells the listener what it held: order updates, or what could not be read. Other
 * message types are skipped without a word.
 */
final class FrameReader {
  private static final String ORDER_ALERT = "order_alert";
  private static final int MAX_EXCERPT = 200;

  private final JsonAdapter<OrderAlertJson> alerts;
  private final AccountId account;

  FrameReader(JsonAdapter<OrderAlertJson> alerts, AccountId account) {
    this.alerts = alerts;
    this.account = account;
  }

  void read(String frame, String token, LeaderOrderListener listener) {
    for (String object : topLevelObjects(frame)) {
      try {
        readObject(object).ifPresent(listener::onOrderUpdate);
      } catch (IOException | JsonDataException | WireValueException | IllegalArgumentException e) {
        listener.onMalformedFrame(WireValues.redact(e.getMessage() + "; frame: " + excerpt(object, token), token));
      }
    }
  }

  private Optional<LeaderOrderUpdate> readObject(String json) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    String type = null;
    String data = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.nextName()) {
        case "Type" -> type = reader.nextString();
        case "Data" -> data = rawJson(reader); // Type may come after Data, so Data is read only once known
        default -> reader.skipValue();
      }
    }
    reader.endObject();
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) throw new JsonDataException("text follows the JSON object");
    if (!ORDER_ALERT.equals(required("Type", type))) return Optional.empty();
    OrderAlertJson alert = alerts.fromJson(required("Data", data));
    return Optional.of(OrderAlertMapper.update(account, required("Data", alert)));
  }

  private static String rawJson(JsonReader reader) throws IOException {
    try (BufferedSource source = reader.nextSource()) {
      return source.readUtf8();
    }
  }

  /**
   * Splits a frame holding several JSON objects back to back (one third-party client has seen such frames;
   * unconfirmed). Anything else, malformed text included, is returned whole for the JSON reader to judge.
   */
  private static List<String> topLevelObjects(String frame) {
    List<String> objects = new ArrayList<>();
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
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        if (depth++ == 0) start = i;
      } else if (c == '}') {
        if (--depth < 0) return List.of(frame);
        if (depth == 0) objects.add(frame.substring(start, i + 1));
      } else if (depth == 0 && !Character.isWhitespace(c)) {
        return List.of(frame);
      }
    }
    return depth == 0 && !objects.isEmpty() ? objects : List.of(frame);
  }

  private static String excerpt(String text, String token) {
    String clean = WireValues.redact(text, token);
    return clean.length() <= MAX_EXCERPT ? clean : clean.substring(0, MAX_EXCERPT - 3) + "...";
  }
}
