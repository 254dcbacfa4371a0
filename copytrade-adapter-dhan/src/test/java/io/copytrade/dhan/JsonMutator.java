package io.copytrade.dhan;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small deterministic fuzzer for JSON text: each call applies one or two mutations of the kinds a broken
 * server, proxy or network could produce. A seed always yields the same sequence, so a failure that names
 * its seed and iteration can be replayed.
 */
final class JsonMutator {
  enum Kind {
    FLIP_CHAR(false), TRUNCATE(false), DELETE_MEMBER(true), SWAP_TYPE(true), DUPLICATE_KEY(true),
    INSERT_UNICODE(false), CONCATENATE_WITH_GARBAGE(false), UNKNOWN_CODE(true);

    final boolean needsMember;

    Kind(boolean needsMember) {
      this.needsMember = needsMember;
    }
  }

  /** One mutated text and what was done to it, for failure messages. */
  record Mutation(String kinds, String text) {}

  /** Values of every JSON type, at the edges of what our types hold. */
  private static final List<String> ODD_VALUES = List.of("null", "true", "0", "-1", "-65", "1.5", "0.001",
      "1e400", "-1E+999999999", "1E-999999999", "99999999999999999999999", "2147483648", "\"\"", "\" \"",
      "\"x\"", "\"NaN\"", "\"-65\"", "\"1e400\"", "\"NA\"", "\"0001-01-01 00:00:00\"", "\"2026-13-45 99:99:99\"",
      "[]", "{}", "[null]", "[1,{\"a\":null}]", "{\"Type\":\"order_alert\"}");
  private static final List<String> GARBAGE = List.of("", " ", "x", ",", "][", "}{", "\u0000", "null", "\"");
  private static final String JSON_PUNCTUATION = "{}[]\":,\\ ";
  private static final int[] ODD_CODE_POINTS = {0, 0x1f, 0x7f, 0xe9, 0x2028, 0xfeff, 0xffff, 0x1f600, 0xd800};
  private static final Pattern MEMBER = Pattern.compile("\"([^\"\\\\]*)\"\\s*:");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]++|\\\\.)*+\"");

  private final Random random;

  JsonMutator(long seed) {
    this.random = new Random(seed);
  }

  Mutation next(String json) {
    Kind first = pick(Kind.values());
    String text = apply(first, json);
    if (random.nextInt(4) != 0) return new Mutation(first.name(), text);
    Kind second = pick(Kind.values());
    return new Mutation(first + "+" + second, apply(second, text));
  }

  /** Flips one bit of the UTF-8 bytes, which may leave them invalid UTF-8. */
  byte[] flipBit(byte[] bytes) {
    byte[] flipped = bytes.clone();
    if (flipped.length > 0) flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
    return flipped;
  }

  private String apply(Kind kind, String text) {
    List<Member> members = members(text);
    if (text.isEmpty() || kind.needsMember && members.isEmpty()) return text + pick(GARBAGE);
    return switch (kind) {
      case FLIP_CHAR -> replace(text, random.nextInt(text.length()), 1, String.valueOf(randomChar()));
      case TRUNCATE -> text.substring(0, random.nextInt(text.length()));
      case DELETE_MEMBER -> {
        Member m = pick(members);
        boolean comma = m.valueEnd < text.length() && text.charAt(m.valueEnd) == ',';
        yield replace(text, m.keyStart, m.valueEnd - m.keyStart + (comma ? 1 : 0), "");
      }
      case SWAP_TYPE -> {
        Member m = pick(members);
        yield replace(text, m.valueStart, m.valueEnd - m.valueStart, pick(ODD_VALUES));
      }
      case DUPLICATE_KEY -> {
        Member m = pick(members);
        String value = random.nextBoolean() ? text.substring(m.valueStart, m.valueEnd) : pick(ODD_VALUES);
        yield replace(text, m.valueEnd, 0, "," + text.substring(m.keyStart, m.valueStart) + value);
      }
      case INSERT_UNICODE -> replace(text, random.nextInt(text.length() + 1), 0,
          new String(Character.toChars(ODD_CODE_POINTS[random.nextInt(ODD_CODE_POINTS.length)])));
      case CONCATENATE_WITH_GARBAGE -> text + pick(GARBAGE) + text;
      case UNKNOWN_CODE -> {
        List<Member> strings = members.stream().filter(m -> text.charAt(m.valueStart) == '"').toList();
        if (strings.isEmpty()) yield text + pick(GARBAGE);
        Member m = pick(strings);
        yield replace(text, m.valueStart, m.valueEnd - m.valueStart, "\"" + randomCode() + "\"");
      }
    };
  }

  private char randomChar() {
    return random.nextBoolean()
        ? JSON_PUNCTUATION.charAt(random.nextInt(JSON_PUNCTUATION.length()))
        : (char) (32 + random.nextInt(95));
  }

  private String randomCode() {
    StringBuilder code = new StringBuilder();
    for (int i = random.nextInt(6); i > 0; i--) code.append((char) ('A' + random.nextInt(26)));
    return code.toString();
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String replace(String text, int at, int length, String with) {
    return text.substring(0, at) + with + text.substring(at + length);
  }

  /** A {@code "key": value} member: where its key starts, and where its value starts and ends. */
  private record Member(int keyStart, int valueStart, int valueEnd) {}

  private static List<Member> members(String text) {
    List<Member> members = new ArrayList<>();
    Matcher m = MEMBER.matcher(text);
    while (m.find()) {
      int valueStart = m.end();
      while (valueStart < text.length() && text.charAt(valueStart) == ' ') valueStart++;
      int valueEnd = valueEnd(text, valueStart);
      if (valueEnd > valueStart) members.add(new Member(m.start(), valueStart, valueEnd));
    }
    return members;
  }

  /** The end of the JSON value starting at {@code start}: a string, an object or array, or a bare literal. */
  private static int valueEnd(String text, int start) {
    int depth = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        Matcher string = STRING.matcher(text).region(i, text.length());
        if (!string.lookingAt()) return text.length(); // unterminated
        if (depth == 0) return string.end();
        i = string.end() - 1;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) return i;
        if (--depth == 0) return i + 1;
      } else if (c == ',' && depth == 0) {
        return i;
      }
    }
    return text.length();
  }
}
