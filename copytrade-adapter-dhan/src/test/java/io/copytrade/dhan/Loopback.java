package io.copytrade.dhan;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import javax.net.ServerSocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Loopback servers for the tests: TCP_NODELAY on every accepted socket, or each call waits on delayed ACKs. */
final class Loopback {
  private Loopback() {}

  static MockWebServer server() throws IOException {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
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

  private static final class NoDelayServerSocketFactory extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new NoDelayServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      return bound(port, 50, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      return bound(port, backlog, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
      return bound(port, backlog, address);
    }

    private static ServerSocket bound(int port, int backlog, InetAddress address) throws IOException {
      ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new java.net.InetSocketAddress(address, port), backlog);
      return socket;
    }
  }

  private static final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      return socket;
    }
  }
}
