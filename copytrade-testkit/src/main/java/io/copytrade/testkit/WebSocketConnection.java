package io.copytrade.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server side of one RFC 6455 WebSocket, just enough for Dhan's order-update socket: the upgrade
 * handshake, reading (masked) client text frames, answering pings and Close, and writing text frames. It is
 * hand-written because the fake must be able to drop a connection with a TCP reset and no Close frame.
 */
final class WebSocketConnection {
  private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final int MAX_HEAD = 16 * 1024;
  private static final int MAX_MESSAGE = 1 << 20;
  private static final int TEXT = 0x1;
  private static final int CLOSE = 0x8;
  private static final int PING = 0x9;
  private static final int PONG = 0xA;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private WebSocketConnection(Socket socket, InputStream in) throws IOException {
    this.socket = socket;
    this.in = in;
    this.out = socket.getOutputStream();
  }

  /** Reads the upgrade request for "/" and answers 101; anything else gets a 400 or 404 and an exception. */
  static WebSocketConnection accept(Socket socket) throws IOException {
    InputStream in = new BufferedInputStream(socket.getInputStream());
    String[] lines = readHead(in).split("\r\n");
    String[] requestLine = lines[0].split(" ");
    Map<String, String> headers = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
    }
    WebSocketConnection connection = new WebSocketConnection(socket, in);
    String key = headers.get("sec-websocket-key");
    if (requestLine.length != 3 || !requestLine[0].equals("GET") || key == null
        || !"websocket".equalsIgnoreCase(headers.get("upgrade"))) {
      connection.writeHead("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      throw new ProtocolException("not a WebSocket upgrade: " + lines[0]);
    }
    if (!requestLine[1].equals("/")) {
      connection.writeHead("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      throw new ProtocolException("no socket at " + requestLine[1]);
    }
    connection.writeHead("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Accept: " + acceptKey(key) + "\r\n\r\n");
    return connection;
  }

  /** The next text message, answering pings on the way; empty once the peer closed. */
  Optional<String> readText() throws IOException {
    while (true) {
      Optional<Message> message = readMessage();
      if (message.isEmpty()) return Optional.empty();
      if (message.get().opcode() == TEXT) {
        return Optional.of(new String(message.get().payload(), StandardCharsets.UTF_8));
      }
    }
  }

  /** Reads and ignores messages until the peer closes (the order socket expects nothing after login). */
  void drainUntilClosed() throws IOException {
    while (readMessage().isPresent()) {
      // Dhan documents no client messages after login.
    }
  }

  void sendText(String text) throws IOException {
    sendFrame(TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Drops the TCP connection with a reset and no Close frame, as Dhan does after a bad login. */
  void reset() {
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException e) {
      // Already closed: nothing left to reset.
    }
    close();
  }

  void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing is best effort.
    }
  }

  private record Message(int opcode, byte[] payload) {}

  /** One whole data message (fragments joined); control frames are answered in passing. */
  private Optional<Message> readMessage() throws IOException {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    int dataOpcode = -1;
    while (true) {
      int first = in.read();
      if (first == -1) return Optional.empty();
      int opcode = first & 0x0F;
      byte[] payload = readPayload();
      switch (opcode) {
        case PING -> sendFrame(PONG, payload);
        case PONG -> { }
        case CLOSE -> {
          sendFrame(CLOSE, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
          close();
          return Optional.empty();
        }
        default -> {
          if (dataOpcode == -1) dataOpcode = opcode;
          if (data.size() + payload.length > MAX_MESSAGE) throw new ProtocolException("message too large");
          data.write(payload);
          if ((first & 0x80) != 0) return Optional.of(new Message(dataOpcode, data.toByteArray()));
        }
      }
    }
  }

  private byte[] readPayload() throws IOException {
    int second = readByte();
    boolean masked = (second & 0x80) != 0;
    long length = second & 0x7F;
    if (length == 126) {
      length = (readByte() << 8) | readByte();
    } else if (length == 127) {
      length = 0;
      for (int i = 0; i < 8; i++) length = (length << 8) | readByte();
    }
    if (length > MAX_MESSAGE) throw new ProtocolException("frame too large: " + length);
    byte[] mask = masked ? in.readNBytes(4) : null;
    byte[] payload = in.readNBytes((int) length);
    if (payload.length != length || (masked && mask.length != 4)) throw new EOFException("truncated frame");
    if (masked) {
      for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
    }
    return payload;
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b == -1) throw new EOFException("connection closed inside a frame");
    return b;
  }

  /** Writes one unmasked, unfragmented frame in a single write (one TCP segment for small frames). */
  private synchronized void sendFrame(int opcode, byte[] payload) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 10);
    frame.write(0x80 | opcode);
    if (payload.length < 126) {
      frame.write(payload.length);
    } else if (payload.length <= 0xFFFF) {
      frame.write(126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xFF);
    } else {
      frame.write(127);
      for (int shift = 56; shift >= 0; shift -= 8) frame.write((int) (((long) payload.length >>> shift) & 0xFF));
    }
    frame.write(payload);
    out.write(frame.toByteArray());
    out.flush();
  }

  private void writeHead(String head) throws IOException {
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b == -1) throw new EOFException("connection closed during the handshake");
      if (head.size() >= MAX_HEAD) throw new ProtocolException("handshake too large");
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static String acceptKey(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1")
          .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.ISO_8859_1));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }
}
