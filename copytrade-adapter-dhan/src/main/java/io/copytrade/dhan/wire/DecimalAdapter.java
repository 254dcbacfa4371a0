package io.copytrade.dhan.wire;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads a decimal from the JSON number's text ({@code nextString()}), never via {@code double}, accepting
 * the quoted form too; a blank string reads as absent. Writes a JSON number ({@code 112.5}).
 */
public final class DecimalAdapter extends JsonAdapter<BigDecimal> {
  /**
   * A double prints in at most 24 characters; longer text is refused before parsing, which for megabytes of
   * digits would take minutes.
   */
  private static final int MAX_CHARS = 64;

  @Override
  public BigDecimal fromJson(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) return reader.nextNull();
    String text = reader.nextString().trim();
    if (text.isEmpty()) return null;
    if (text.length() > MAX_CHARS) throw notADecimal(text, reader, null);
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw notADecimal(text, reader, e);
    }
  }

  private static JsonDataException notADecimal(String text, JsonReader reader, NumberFormatException cause) {
    return new JsonDataException("Expected a decimal number of at most " + MAX_CHARS + " characters but was '"
        + WireValueException.quoted(text) + "' at path " + reader.getPath(), cause);
  }

  @Override
  public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else {
      writer.value(value);
    }
  }
}
