package io.copytrade.bench.micro;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.OrderId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Deriving a follower order's correlation id: SHA-256 of (leader order, follower, step), base-32, checked. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CorrelationIdBench {
  private final OrderId leaderOrder = OrderId.of("5126000000123");
  private final AccountId follower = AccountId.of("1000000002");

  @Benchmark
  public CorrelationId entry() {
    return CorrelationId.derive(leaderOrder, follower, "entry");
  }

  @Benchmark
  public CorrelationId sliceModification() {
    return CorrelationId.derive(leaderOrder, follower, "entry-3/r1/m2");
  }
}
