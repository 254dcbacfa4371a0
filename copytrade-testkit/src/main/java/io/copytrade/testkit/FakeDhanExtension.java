package io.copytrade.testkit;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link FakeDhan} per test class, reset before each test (accounts, orders, faults, recordings and
 * settings; instruments and prices stay). Register it on a static field:
 * <pre>{@code @RegisterExtension static final FakeDhanExtension dhan = new FakeDhanExtension();}</pre>
 * Test methods may also take a {@link FakeDhan} parameter.
 */
public final class FakeDhanExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {
  private FakeDhan dhan;
  /** Nested test classes run their own before-all and after-all; the fake lives until the outermost ends. */
  private int classDepth;

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    if (classDepth++ == 0) dhan = FakeDhan.start();
  }

  @Override
  public synchronized void beforeEach(ExtensionContext context) {
    fake().reset();
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    if (--classDepth == 0) {
      dhan.close();
      dhan = null;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FakeDhan.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return fake();
  }

  /** The running fake; only between before-all and after-all. */
  public synchronized FakeDhan fake() {
    if (dhan == null) throw new IllegalStateException("FakeDhanExtension must be registered on a static field");
    return dhan;
  }

  public FakeAccount account(String clientId) {
    return fake().account(clientId);
  }

  public FakeInstruments instruments() {
    return fake().instruments();
  }

  public FakeMarket market() {
    return fake().market();
  }

  public Faults faults() {
    return fake().faults();
  }

  public FakeSettings settings() {
    return fake().settings();
  }

  public URI restBase() {
    return fake().restBase();
  }

  public URI orderUpdateSocket() {
    return fake().orderUpdateSocket();
  }

  public URI instrumentMaster() {
    return fake().instrumentMaster();
  }

  public List<RecordedCall> requests() {
    return fake().requests();
  }
}
