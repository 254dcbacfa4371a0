package io.copytrade.testkit;

import io.copytrade.ports.model.Price;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON request body read the way Dhan's gateway reads it: a missing required field, an empty string
 * anywhere, or a number sent as a string is a 400 DH-905.
 */
final class RequestFields {
  private final Map<?, ?> body;

  private RequestFields(Map<?, ?> body) {
    this.body = body;
  }

  static RequestFields parse(String json) {
    Object parsed = JsonText.read(json).orElseThrow(() -> DhanError.input("request body is not valid JSON"));
    if (!(parsed instanceof Map<?, ?> map)) throw DhanError.input("request body must be a JSON object");
    map.forEach((name, value) -> {
      if ("".equals(value)) throw DhanError.input(name + " must not be empty");
    });
    return new RequestFields(map);
  }

  String text(String name) {
    return optionalText(name).orElseThrow(() -> missing(name));
  }

  Optional<String> optionalText(String name) {
    Object value = body.get(name);
    if (value == null) return Optional.empty();
    if (!(value instanceof String text)) throw bad(name, value);
    return Optional.of(text);
  }

  String oneOf(String name, Collection<String> allowed) {
    return optionalOneOf(name, allowed).orElseThrow(() -> missing(name));
  }

  Optional<String> optionalOneOf(String name, Collection<String> allowed) {
    Optional<String> value = optionalText(name);
    value.filter(v -> !allowed.contains(v)).ifPresent(v -> {
      throw bad(name, v);
    });
    return value;
  }

  int integer(String name) {
    return optionalInteger(name).orElseThrow(() -> missing(name));
  }

  /** A JSON number without a fraction; "5" (quoted) is refused as Dhan refuses it. */
  Optional<Integer> optionalInteger(String name) {
    return number(name).map(n -> {
      if (n != Math.rint(n) || Math.abs(n) > Integer.MAX_VALUE) throw bad(name, n);
      return (int) n.doubleValue();
    });
  }

  Price price(String name) {
    return optionalPrice(name).orElseThrow(() -> missing(name));
  }

  /** Rupees as a JSON number in whole paise, not negative. */
  Optional<Price> optionalPrice(String name) {
    return number(name).map(n -> {
      try {
        return Price.ofRupees(Double.toString(n));
      } catch (IllegalArgumentException e) {
        throw bad(name, n);
      }
    });
  }

  boolean flag(String name) {
    Object value = body.get(name);
    if (value == null) return false;
    if (!(value instanceof Boolean bool)) throw bad(name, value);
    return bool;
  }

  private Optional<Double> number(String name) {
    Object value = body.get(name);
    if (value == null) return Optional.empty();
    if (!(value instanceof Double number)) throw bad(name, value);
    return Optional.of(number);
  }

  private static DhanError missing(String name) {
    return DhanError.input(name + " is required");
  }

  private static DhanError bad(String name, Object value) {
    String shown = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    return DhanError.input("bad value for " + name + ": " + shown);
  }
}
