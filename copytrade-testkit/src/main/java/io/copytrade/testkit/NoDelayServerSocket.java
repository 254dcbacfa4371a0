package io.copytrade.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * A server socket whose accepted sockets have TCP_NODELAY on. Without it a server that writes headers and
 * body separately makes every loopback request wait ~40 ms for the client's delayed ACK (house-style,
 * "Nagle trap").
 */
public final class NoDelayServerSocket extends ServerSocket {
  NoDelayServerSocket() throws IOException {
    super();
  }

  @Override
  public Socket accept() throws IOException {
    Socket socket = super.accept();
    socket.setTcpNoDelay(true);
    return socket;
  }

  /** For servers that create their own server socket, such as MockWebServer. */
  public static ServerSocketFactory factory() {
    return new ServerSocketFactory() {
      @Override
      public ServerSocket createServerSocket() throws IOException {
        return new NoDelayServerSocket();
      }

      @Override
      public ServerSocket createServerSocket(int port) throws IOException {
        return createServerSocket(port, 50, null);
      }

      @Override
      public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return createServerSocket(port, backlog, null);
      }

      @Override
      public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        ServerSocket socket = new NoDelayServerSocket();
        socket.bind(new InetSocketAddress(address, port), backlog);
        return socket;
      }
    };
  }
}
