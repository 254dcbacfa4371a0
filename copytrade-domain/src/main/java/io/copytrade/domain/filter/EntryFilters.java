package io.copytrade.domain.filter;

import io.copytrade.domain.filter.EntryFilter.CopyWindow;
import io.copytrade.domain.filter.EntryFilter.CopyingSwitch;
import io.copytrade.domain.filter.EntryFilter.FollowerSwitch;
import io.copytrade.domain.filter.EntryFilter.InstrumentTypes;
import io.copytrade.domain.filter.EntryFilter.Products;
import io.copytrade.domain.filter.EntryFilter.Segments;
import io.copytrade.domain.filter.EntryFilter.Underlyings;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentType;
import io.copytrade.ports.model.ProductType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One follower's entry filters. The two switches (global, then the follower's own) always run first.
 * {@link #DEFAULTS}: segments NSE_FNO and BSE_FNO, instrument types OPTIDX and OPTSTK, every underlying,
 * every product, no time window.
 */
public record EntryFilters(Segments segments, InstrumentTypes instrumentTypes, Underlyings underlyings,
    Products products, Optional<CopyWindow> window) {
  public static final EntryFilters DEFAULTS = new EntryFilters(
      new Segments(EnumSet.of(ExchangeSegment.NSE_FNO, ExchangeSegment.BSE_FNO)),
      new InstrumentTypes(EnumSet.of(InstrumentType.OPTIDX, InstrumentType.OPTSTK)),
      new Underlyings(Set.of(), Set.of()), new Products(EnumSet.allOf(ProductType.class)), Optional.empty());

  public EntryFilters {
    Objects.requireNonNull(segments, "segments");
    Objects.requireNonNull(instrumentTypes, "instrumentTypes");
    Objects.requireNonNull(underlyings, "underlyings");
    Objects.requireNonNull(products, "products");
    Objects.requireNonNull(window, "window");
  }

  public EntryFilters withSegments(Segments next) {
    return new EntryFilters(next, instrumentTypes, underlyings, products, window);
  }

  public EntryFilters withInstrumentTypes(InstrumentTypes next) {
    return new EntryFilters(segments, next, underlyings, products, window);
  }

  public EntryFilters withUnderlyings(Underlyings next) {
    return new EntryFilters(segments, instrumentTypes, next, products, window);
  }

  public EntryFilters withProducts(Products next) {
    return new EntryFilters(segments, instrumentTypes, underlyings, next, window);
  }

  public EntryFilters withWindow(CopyWindow next) {
    return new EntryFilters(segments, instrumentTypes, underlyings, products, Optional.of(next));
  }

  /** Every filter, in the order they are checked. */
  public List<EntryFilter> inOrder() {
    List<EntryFilter> all = new ArrayList<>(List.of(new CopyingSwitch(), new FollowerSwitch(), segments,
        instrumentTypes, underlyings, products));
    window.ifPresent(all::add);
    return List.copyOf(all);
  }

  /** The first filter's skip, or {@link FilterDecision.Allow} when every filter allows. */
  public FilterDecision firstSkip(EntryContext entry) {
    for (EntryFilter filter : inOrder()) {
      if (filter.check(entry) instanceof FilterDecision.Skip skip) return skip;
    }
    return new FilterDecision.Allow();
  }
}
