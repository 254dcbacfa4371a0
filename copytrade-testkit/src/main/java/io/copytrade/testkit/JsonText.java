package io.copytrade.testkit;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okio.Buffer;

/**
 * JSON in and out of the fake. Reading keeps JSON's own types (a quoted number stays a {@link String}, so
 * Dhan's "quoted number" rejection can be reproduced); writing takes maps, lists, strings, numbers, booleans
 * and null, and writes money as {@link BigDecimal} so large amounts never come out as "1.0E7".
 */
final class JsonText {
  private static final JsonAdapter<Object> READER = new Moshi.Builder().build().adapter(Object.class);

  private JsonText() {}

  /** The parsed document, or empty when it is not valid JSON. */
  static Optional<Object> read(String json) {
    try {
      return Optional.ofNullable(READER.fromJson(json));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static String write(Object value) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      write(writer, value);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return buffer.readUtf8();
  }

  /** Rupees as Dhan writes them: a plain decimal with at least one fraction digit ("98440.0", "112.45"). */
  static BigDecimal rupees(long paise) {
    BigDecimal value = BigDecimal.valueOf(paise, 2).stripTrailingZeros();
    return value.scale() < 1 ? value.setScale(1) : value;
  }

  private static void write(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof Map<?, ?> map) {
      writer.beginObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        writer.name(entry.getKey().toString());
        write(writer, entry.getValue());
      }
      writer.endObject();
    } else if (value instanceof List<?> list) {
      writer.beginArray();
      for (Object element : list) write(writer, element);
      writer.endArray();
    } else if (value instanceof Number number) {
      writer.value(number);
    } else if (value instanceof Boolean bool) {
      writer.value(bool);
    } else {
      writer.value(value.toString());
    }
  }
}
