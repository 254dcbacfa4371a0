package io.copytrade.domain.filter;

import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.ProductType;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the entry filters look at for one follower and one leader order.
 *
 * @param instrument the instrument as the instrument master describes it
 * @param timeIst the time the event is handled, in India Standard Time
 * @param followerEnabled the follower's own switch
 * @param copyingEnabled the global switch ({@code copy_enabled} in the store's config)
 */
public record EntryContext(Instrument instrument, ProductType product, LocalTime timeIst,
    boolean followerEnabled, boolean copyingEnabled) {
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  public EntryContext {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(timeIst, "timeIst");
  }

  /** An entry handled at {@code when}, on the caller's clock; the filters see it in India Standard Time. */
  public static EntryContext at(Instrument instrument, ProductType product, Instant when, boolean followerEnabled,
      boolean copyingEnabled) {
    return new EntryContext(instrument, product, LocalTime.ofInstant(when, IST), followerEnabled, copyingEnabled);
  }
}
