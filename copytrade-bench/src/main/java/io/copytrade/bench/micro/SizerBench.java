package io.copytrade.bench.micro;

import io.copytrade.domain.sizing.Sizer;
import io.copytrade.domain.sizing.SizingDecision;
import io.copytrade.domain.sizing.SizingInput;
import io.copytrade.domain.sizing.SizingStrategy;
import io.copytrade.ports.model.LotSize;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.Quantity;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Sizing one copy, per strategy: exact BigDecimal fractions, a floor to whole lots and the working text. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SizerBench {
  /** A leader with ₹10 lakh buying 8 NIFTY lots at 112.50 for a follower with ₹2.5 lakh. */
  private final SizingInput input = new SizingInput(Quantity.of(8 * 65), LotSize.of(65),
      Money.ofRupees("1000000"), Money.ofRupees("250000"), Price.ofRupees("112.50"));
  private final SizingStrategy proportional = new SizingStrategy.CapitalProportional();
  private final SizingStrategy fixedRatio = new SizingStrategy.FixedRatio(new BigDecimal("0.37"));
  private final SizingStrategy riskBased = new SizingStrategy.RiskBased(new BigDecimal("10"));

  @Benchmark
  public SizingDecision capitalProportional() {
    return Sizer.size(proportional, input);
  }

  @Benchmark
  public SizingDecision fixedRatio() {
    return Sizer.size(fixedRatio, input);
  }

  @Benchmark
  public SizingDecision riskBased() {
    return Sizer.size(riskBased, input);
  }
}
