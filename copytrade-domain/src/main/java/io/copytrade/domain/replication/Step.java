package io.copytrade.domain.replication;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one copy does for a leader order; its name is part of the copy's correlation id, so the same step
 * always derives the same id. Names: a base ("entry", "exit", "fill-&lt;target units&gt;", or
 * "fill-unsent-&lt;leader filled&gt;" for a fill copy skipped or failed before sending, "reconcile-close" or
 * "reconcile-open" for an order of position reconciliation), then "-&lt;k&gt;" for
 * the k-th slice (the first slice has none), then
 * "/r&lt;g&gt;" for the g-th replacement of that slice's order, then "/m&lt;n&gt;" for the n-th modification of
 * that order.
 *
 * @param slice 1 for the first slice
 * @param replacement 0 for the original order
 * @param modification 0 for the order itself
 */
record Step(String base, int slice, int replacement, int modification) {
  static final String ENTRY = "entry";
  static final String EXIT = "exit";
  static final String RECONCILE_CLOSE = "reconcile-close";
  static final String RECONCILE_OPEN = "reconcile-open";
  private static final Pattern NAME = Pattern.compile(
      "(entry|exit|fill-\\d+|fill-unsent-\\d+|reconcile-close|reconcile-open)(?:-(\\d+))?(?:/r(\\d+))?(?:/m(\\d+))?");

  static Step of(String base) {
    return new Step(base, 1, 0, 0);
  }

  static Step fill(int targetUnits) {
    return of("fill-" + targetUnits);
  }

  static Step fillUnsent(int leaderFilledUnits) {
    return of("fill-unsent-" + leaderFilledUnits);
  }

  /** Empty for a step this code did not name. */
  static Optional<Step> parse(String name) {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) return Optional.empty();
    return Optional.of(new Step(m.group(1), number(m.group(2), 1), number(m.group(3), 0),
        number(m.group(4), 0)));
  }

  String name() {
    return base + (slice > 1 ? "-" + slice : "") + (replacement > 0 ? "/r" + replacement : "")
        + (modification > 0 ? "/m" + modification : "");
  }

  Step slice(int k) {
    return new Step(base, k, 0, 0);
  }

  Step replacedBy(int generation) {
    return new Step(base, slice, generation, 0);
  }

  Step modifiedBy(int n) {
    return new Step(base, slice, replacement, n);
  }

  /** The order this step places or modifies. */
  Step order() {
    return new Step(base, slice, replacement, 0);
  }

  boolean isModification() {
    return modification > 0;
  }

  boolean isEntry() {
    return base.equals(ENTRY);
  }

  boolean isExit() {
    return base.equals(EXIT);
  }

  /** An order of position reconciliation: it follows no leader order. */
  boolean isReconciliation() {
    return base.startsWith("reconcile-");
  }

  boolean isFill() {
    return base.startsWith("fill-");
  }

  private static int number(String digits, int absent) {
    return digits == null ? absent : Integer.parseInt(digits);
  }
}
