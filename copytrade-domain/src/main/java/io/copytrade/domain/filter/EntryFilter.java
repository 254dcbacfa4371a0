package io.copytrade.domain.filter;

import io.copytrade.domain.filter.FilterDecision.Allow;
import io.copytrade.domain.filter.FilterDecision.Skip;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentType;
import io.copytrade.ports.model.ProductType;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** One named check on a new entry. Implementations are immutable values. */
public sealed interface EntryFilter {
  /** The filter's configuration name, e.g. "segments". */
  String name();

  FilterDecision check(EntryContext entry);

  /** The global switch: {@code copy_enabled = false} pauses every new entry; exits still flow. */
  record CopyingSwitch() implements EntryFilter {
    @Override
    public String name() {
      return "copy_enabled";
    }

    @Override
    public FilterDecision check(EntryContext entry) {
      return entry.copyingEnabled() ? new Allow() : new Skip("copying is paused (copy_enabled = false)");
    }
  }

  /** The follower's own switch; a disabled follower takes no new entries but still follows exits. */
  record FollowerSwitch() implements EntryFilter {
    @Override
    public String name() {
      return "enabled";
    }

    @Override
    public FilterDecision check(EntryContext entry) {
      return entry.followerEnabled() ? new Allow() : new Skip("follower is disabled");
    }
  }

  /** Exchange segments copied; default NSE_FNO and BSE_FNO. */
  record Segments(Set<ExchangeSegment> allowed) implements EntryFilter {
    public Segments {
      allowed = Set.copyOf(allowed);
    }

    @Override
    public String name() {
      return "segments";
    }

    @Override
    public FilterDecision check(EntryContext entry) {
      return among("segment", entry.instrument().key().segment(), allowed);
    }
  }

  /** Instrument types copied, from the instrument master; default OPTIDX and OPTSTK. */
  record InstrumentTypes(Set<InstrumentType> allowed) implements EntryFilter {
    public InstrumentTypes {
      allowed = Set.copyOf(allowed);
    }

    @Override
    public String name() {
      return "instrument_types";
    }

    @Override
    public FilterDecision check(EntryContext entry) {
      return among("instrument type", entry.instrument().type(), allowed);
    }
  }

  /**
   * Underlyings copied: an empty include list allows every underlying not excluded. Symbols compare
   * without case ("nifty" is NIFTY). Default: all.
   */
  record Underlyings(Set<String> include, Set<String> exclude) implements EntryFilter {
    public Underlyings {
      include = upper(include);
      exclude = upper(exclude);
    }

    @Override
    public String name() {
      return "underlyings";
    }

    @Override
    public FilterDecision check(EntryContext entry) {
      String underlying = entry.instrument().underlying().toUpperCase(Locale.ROOT);
      if (exclude.contains(underlying)) return new Skip("underlying " + underlying + " is excluded");
      if (!include.isEmpty() && !include.contains(underlying)) {
        return new Skip("underlying " + underlying + " is not among " + sorted(include));
      }
      return new Allow();
    }

    private static Set<String> upper(Set<String> symbols) {
      return symbols.stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
  }

  /** Product types copied; default all. */
  record Products(Set<ProductType> allowed) implements EntryFilter {
    public Products {
      allowed = Set.copyOf(allowed);
    }

    @Override
    public String name() {
      return "products";
    }

    @Override
    public FilterDecision check(EntryContext entry) {
      return among("product", entry.product(), allowed);
    }
  }

  /**
   * Copies entries only from {@code from} (inclusive) to {@code to} (exclusive), IST. A window that ends
   * before it starts spans midnight.
   */
  record CopyWindow(LocalTime from, LocalTime to) implements EntryFilter {
    public CopyWindow {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (from.equals(to)) throw new IllegalArgumentException("copy window is empty: " + from + "-" + to);
    }

    @Override
    public String name() {
      return "copy_window";
    }

    @Override
    public FilterDecision check(EntryContext entry) {
      LocalTime t = entry.timeIst();
      boolean inside = from.isBefore(to)
          ? !t.isBefore(from) && t.isBefore(to)
          : !t.isBefore(from) || t.isBefore(to);
      return inside ? new Allow() : new Skip("time " + t + " IST is outside the copy window " + from + "-" + to);
    }
  }

  /** Allows {@code value} when it is among {@code allowed}; the skip names what was refused. */
  private static FilterDecision among(String what, Object value, Set<?> allowed) {
    return allowed.contains(value) ? new Allow()
        : new Skip(what + " " + value + " is not among " + sorted(allowed));
  }

  /** Sorted for a stable message. */
  private static String sorted(Set<?> values) {
    return values.stream().map(Object::toString).collect(Collectors.toCollection(TreeSet::new)).toString();
  }
}
