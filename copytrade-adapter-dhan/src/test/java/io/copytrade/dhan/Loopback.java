package io.copytrade.dhan;

import io.copytrade.testkit.NoDelayServerSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Loopback servers for the tests: TCP_NODELAY on every accepted socket, or each call waits on delayed ACKs. */
final class Loopback {
  private Loopback() {}

  static MockWebServer server() throws IOException {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(NoDelayServerSocket.factory());
    server.start(InetAddress.getLoopbackAddress(), 0);
    return server;
  }

  static DhanEndpoints endpoints(MockWebServer server) {
    return new DhanEndpoints(server.url("/v2/").uri(), socketUri(server), server.url("/csv").uri());
  }

  static URI socketUri(MockWebServer server) {
    return URI.create("ws://" + server.getHostName() + ":" + server.getPort() + "/");
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }
}
