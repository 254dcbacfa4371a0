package io.copytrade.dhan;

import static io.copytrade.dhan.Fixtures.CREDENTIALS;

import io.copytrade.ports.broker.BrokerAccount;
import java.io.IOException;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A loopback server and the fixture account of a broker pointed at it, fresh for each test. */
final class LoopbackBroker implements BeforeEachCallback, AfterEachCallback {
  private final Duration callTimeout;
  private MockWebServer server;
  private DhanBroker broker;
  private BrokerAccount account;

  /** @param callTimeout as for {@link DhanBroker#DhanBroker(DhanEndpoints, Duration)}; zero for none */
  LoopbackBroker(Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    server = Loopback.server();
    broker = new DhanBroker(Loopback.endpoints(server), callTimeout);
    account = broker.account(CREDENTIALS);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    broker.close();
    server.close();
  }

  MockWebServer server() {
    return server;
  }

  BrokerAccount account() {
    return account;
  }
}
