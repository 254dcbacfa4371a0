package io.copytrade.app;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Typed reads of named settings from one source (the environment, or one follower's section of the
 * configuration file). Errors name the setting as the user wrote it, and the value unless it is secret.
 */
final class SettingsReader {
  private final Function<String, Optional<String>> lookup;
  private final UnaryOperator<String> nameOf;

  /**
   * @param lookup the raw value of a canonical key ("copy_ratio")
   * @param nameOf how the user spells that key ("COPY_RATIO", "follower.alice.copy_ratio")
   */
  SettingsReader(Function<String, Optional<String>> lookup, UnaryOperator<String> nameOf) {
    this.lookup = lookup;
    this.nameOf = nameOf;
  }

  String name(String key) {
    return nameOf.apply(key);
  }

  Optional<String> optional(String key) {
    return lookup.apply(key).map(String::trim).filter(s -> !s.isEmpty());
  }

  String required(String key) {
    return optional(key).orElseThrow(() -> new ConfigException(name(key) + " is not set"));
  }

  Optional<BigDecimal> decimal(String key) {
    return optional(key).map(text -> {
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw new ConfigException(name(key) + " must be a decimal number, was '" + text + "'");
      }
    });
  }

  /** A percentage in (0, 100]. */
  Optional<BigDecimal> percent(String key) {
    return decimal(key).map(pct -> {
      if (pct.signum() <= 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw new ConfigException(name(key) + " must be a percentage in (0, 100], was " + pct.toPlainString());
      }
      return pct;
    });
  }

  /** A whole number of at least 1. */
  Optional<Integer> count(String key) {
    return optional(key).map(text -> {
      try {
        int n = Integer.parseInt(text);
        if (n >= 1) return n;
      } catch (NumberFormatException e) {
        // reported below, with the value
      }
      throw new ConfigException(name(key) + " must be a whole number >= 1, was '" + text + "'");
    });
  }

  /** A comma-separated list of names of {@code type}, compared without case. */
  <E extends Enum<E>> Optional<Set<E>> names(String key, Class<E> type) {
    return list(key).map(items -> {
      Set<E> values = EnumSet.noneOf(type);
      for (String item : items) {
        try {
          values.add(Enum.valueOf(type, item.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new ConfigException(name(key) + ": '" + item + "' is not one of "
              + Arrays.toString(type.getEnumConstants()));
        }
      }
      return values;
    });
  }

  /** A comma-separated list; an empty list is an error (leave the key out for the default). */
  Optional<List<String>> list(String key) {
    return optional(key).map(text -> {
      List<String> items = Arrays.stream(text.split(",")).map(String::trim)
          .filter(item -> !item.isEmpty()).toList();
      if (items.isEmpty()) throw new ConfigException(name(key) + " lists nothing");
      return items;
    });
  }

  Optional<Boolean> flag(String key) {
    return optional(key).map(text -> switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new ConfigException(name(key) + " must be true or false, was '" + text + "'");
    });
  }
}
