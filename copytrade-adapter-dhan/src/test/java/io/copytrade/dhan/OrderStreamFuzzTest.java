package io.copytrade.dhan;

import static io.copytrade.dhan.Fixtures.CREDENTIALS;
import static io.copytrade.dhan.Fixtures.TOKEN;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.copytrade.dhan.JsonMutator.Mutation;
import io.copytrade.dhan.RecordingListener.Connected;
import io.copytrade.dhan.RecordingListener.Event;
import io.copytrade.dhan.RecordingListener.Malformed;
import io.copytrade.dhan.RecordingListener.Update;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import okhttp3.WebSocket;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad frames never stop the order-update stream: each is reported to the listener once and logged once,
 * nothing reconnects, and the next good frame still arrives on the same connection. Every frame below is
 * followed by a good "sentinel" alert; the events between two sentinels are what that frame caused.
 */
@Timeout(30)
class OrderStreamFuzzTest {
  private static final int MUTATIONS_PER_SEED = 500;
  /** The reason and the frame excerpt are each cut to 200 characters; a count of further problems may follow. */
  private static final int MAX_PROBLEM_CHARS = 460;
  private static final int TWO_MEGABYTES = 2 * 1024 * 1024;
  /** The sample with the token echoed where any excerpt of the frame would show it. */
  private static final String ECHOING = edited("\"Data\":{", "\"Data\":{\"Remarks\":\"" + TOKEN + "\",");

  private final RecordingListener listener = new RecordingListener();
  private CapturedLogs logs;
  private MockWebServer server;
  private DhanOrderStream stream;
  private WebSocket socket;

  /** What the test server sends: text, or bytes in a binary frame. */
  record Frame(String name, ByteString payload, boolean binary) {
    static Frame text(String name, String text) {
      return new Frame(name, ByteString.encodeUtf8(text), false);
    }

    static Frame binary(String name, byte[] bytes) {
      return new Frame(name, ByteString.of(bytes), true);
    }

    @Override
    public String toString() {
      return name + ": " + payload.utf8();
    }
  }

  /** The events one frame caused, up to the sentinel that followed it. */
  record Window(Frame frame, List<Event> events) {
    long reports() {
      return events.stream().filter(Malformed.class::isInstance).count();
    }
  }

  @BeforeEach
  void connect() throws Exception {
    logs = new CapturedLogs();
    server = Loopback.server();
    stream = new DhanOrderStream(Loopback.socketUri(server), Fixtures.FAST_BACKOFF);
    ServerSide side = new ServerSide();
    server.enqueue(side.upgrade());
    stream.subscribe(CREDENTIALS, listener);
    side.nextReceived();
    listener.next(Connected.class);
    socket = side.socket();
  }

  @AfterEach
  void close() {
    stream.close();
    server.close();
    logs.close();
  }

  @Test
  void everyTruncationOfTheSampleIsReportedOnceAndTheNextFrameStillArrives() throws Exception {
    List<Frame> prefixes = IntStream.range(0, ECHOING.length())
        .mapToObj(n -> Frame.text("first " + n + " characters", ECHOING.substring(0, n)))
        .toList();

    List<Window> windows = sendEachFollowedByASentinel(prefixes);

    assertThat(windows).filteredOn(w -> w.events().size() != 1 || w.reports() != 1)
        .as("prefixes not reported exactly once").isEmpty();
    assertOneWarningPerReportAndNoToken(windows);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void mutatedFramesAreReportedAtMostOnceAndNeverStopTheStream(long seed) throws Exception {
    JsonMutator mutator = new JsonMutator(seed);
    List<Frame> frames = new ArrayList<>();
    for (int i = 0; i < MUTATIONS_PER_SEED; i++) {
      Mutation m = mutator.next(ECHOING);
      String name = "seed " + seed + " mutation " + i + " (" + m.kinds() + ")";
      frames.add(i % 5 == 0
          ? Frame.binary(name + " as bytes with a bit flipped", mutator.flipBit(m.text().getBytes(UTF_8)))
          : Frame.text(name, m.text()));
    }

    List<Window> windows = sendEachFollowedByASentinel(frames);

    // Silence is right only for a frame of another Type, which the reference says to ignore.
    assertThat(windows).filteredOn(w -> w.reports() > 1
            || w.events().isEmpty() && w.frame().payload().utf8().contains("\"order_alert\""))
        .as("frames reported more than once, or silently dropped").isEmpty();
    assertOneWarningPerReportAndNoToken(windows);
  }

  record BadFrame(String name, Frame frame, String mentions) {
    BadFrame(String name, String text, String mentions) {
      this(name, Frame.text(name, text), mentions);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<BadFrame> badFrames() {
    String data = "\"Data\":" + Samples.ORDER_ALERT.substring(Samples.ORDER_ALERT.indexOf("{", 1),
        Samples.ORDER_ALERT.length() - 1);
    return Stream.of(
        new BadFrame("not JSON", "{not json " + TOKEN, "{not json"),
        new BadFrame("empty", "", "empty"),
        new BadFrame("JSON null", "null", "outside"),
        new BadFrame("an array of alerts", "[" + Samples.ORDER_ALERT + "]", "outside"),
        new BadFrame("a number", "42", "outside"),
        new BadFrame("Type missing", "{" + data + "}", "Type is missing"),
        new BadFrame("Type an object", "{\"Type\":{}," + data + "}", "Type"),
        new BadFrame("Type given twice", "{\"Type\":\"order_alert\",\"Type\":\"heartbeat\"," + data + "}", "Type"),
        new BadFrame("Data missing", "{\"Type\":\"order_alert\"}", "Data is missing"),
        new BadFrame("Data null", "{\"Type\":\"order_alert\",\"Data\":null}", "Data is missing"),
        new BadFrame("Data an array", "{\"Type\":\"order_alert\",\"Data\":[]}", "Data"),
        new BadFrame("Data a string", "{\"Type\":\"order_alert\",\"Data\":\"x\"}", "Data"),
        new BadFrame("OrderNo missing", edited("\"OrderNo\":\"5125112412345\",", ""), "OrderNo is missing"),
        new BadFrame("OrderNo too long", edited("5125112412345", "9".repeat(65)), "OrderNo"),
        new BadFrame("Quantity a word", edited("\"Quantity\":65", "\"Quantity\":\"abc\""), "Quantity"),
        new BadFrame("Quantity an object", edited("\"Quantity\":65", "\"Quantity\":{}"), "Quantity"),
        new BadFrame("Quantity 1e30", edited("\"Quantity\":65", "\"Quantity\":1e30"), "Quantity"),
        new BadFrame("Quantity past int", edited("\"Quantity\":65", "\"Quantity\":2147483648"), "Quantity"),
        new BadFrame("Quantity negative", edited("\"Quantity\":65", "\"Quantity\":-65"), "Quantity"),
        new BadFrame("TradedQty negative", edited("\"TradedQty\":65", "\"TradedQty\":-1"), "TradedQty"),
        new BadFrame("filled more than ordered", edited("\"TradedQty\":65", "\"TradedQty\":130"),
            "TradedQty 130 exceeds Quantity 65"),
        new BadFrame("LotSize negative", edited("\"LotSize\":65", "\"LotSize\":-65"), "LotSize"),
        new BadFrame("Quantity given twice, differently", edited("\"Quantity\":65", "\"Quantity\":65,\"Quantity\":6500"),
            "Quantity"),
        new BadFrame("Price 1E+999999999", edited("\"Price\":112.5", "\"Price\":1E+999999999"), "Price"),
        new BadFrame("Price 1E-999999999", edited("\"Price\":112.5", "\"Price\":1E-999999999"), "Price"),
        new BadFrame("Price of 60000 digits", edited("\"Price\":112.5", "\"Price\":" + "9".repeat(60_000)), "Price"),
        new BadFrame("Price a fraction of a paisa", edited("\"Price\":112.5", "\"Price\":112.555"), "Price"),
        new BadFrame("unknown Product", edited("\"Product\":\"M\"", "\"Product\":\"Z\""), "Product has unexpected value 'Z'"),
        new BadFrame("unknown Segment", edited("\"Segment\":\"D\"", "\"Segment\":\"X\""), "NSE+X"),
        new BadFrame("unknown Status", edited("\"Status\":\"TRADED\"", "\"Status\":\"MODIFIED\""), "Status"),
        new BadFrame("impossible LastUpdatedTime", edited("2026-11-24 10:15:03", "2026-13-45 99:99:99"),
            "LastUpdatedTime"),
        new BadFrame("nested too deep", "{\"Type\":\"order_alert\",\"Data\":" + "{\"a\":".repeat(300) + "1"
            + "}".repeat(301), "Nesting too deep"),
        new BadFrame("garbage between two alerts", Samples.ORDER_ALERT + " x,] " + Samples.ORDER_ALERT, "x,]"),
        new BadFrame("oversized text", "{\"Type\":\"order_alert\"," + data.replace("\"Remarks\":\"\"",
            "\"Remarks\":\"" + "x".repeat(TWO_MEGABYTES) + "\"") + "}", "limit"),
        new BadFrame("oversized binary", Frame.binary("oversized binary", new byte[TWO_MEGABYTES]), "limit"),
        new BadFrame("oversized, with the token across the excerpt's end", "x".repeat(195) + TOKEN
            + "x".repeat(TWO_MEGABYTES), "limit"),
        new BadFrame("binary, not UTF-8", Frame.binary("binary, not UTF-8", new byte[] {'{', (byte) 0xff, '}'}),
            "not UTF-8"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFrames")
  void eachBadFrameIsReportedOnceNamingWhatWasWrong(BadFrame bad) throws Exception {
    List<Window> windows = sendEachFollowedByASentinel(List.of(bad.frame()));

    List<Event> events = windows.get(0).events().stream().filter(Malformed.class::isInstance).toList();
    assertThat(events).singleElement().isInstanceOfSatisfying(Malformed.class,
        m -> assertThat(m.problem()).contains(bad.mentions()));
    assertOneWarningPerReportAndNoToken(windows);
  }

  @Test
  void aFrameWithAGoodAlertAndABadOneDeliversTheGoodOneAndReportsTheOtherOnce() throws Exception {
    String bad = edited("\"Product\":\"M\"", "\"Product\":\"Z\"");

    List<Window> windows = sendEachFollowedByASentinel(List.of(
        Frame.text("good, bad, good", Samples.ORDER_ALERT + bad + Samples.ORDER_ALERT)));

    assertThat(windows.get(0).events()).hasSize(3).filteredOn(Update.class::isInstance).hasSize(2);
    assertOneWarningPerReportAndNoToken(windows);
  }

  @Test
  void readsAnAlertSentAsUtf8InABinaryFrame() throws Exception {
    List<Window> windows = sendEachFollowedByASentinel(List.of(
        Frame.binary("the sample as bytes", Samples.ORDER_ALERT.getBytes(UTF_8))));

    assertThat(windows.get(0).events()).singleElement().isInstanceOfSatisfying(Update.class,
        u -> assertThat(u.update().status()).isEqualTo(OrderStatus.TRADED));
  }

  /** Sends all frames, each followed by a good alert with its own order number, then reads the windows. */
  private List<Window> sendEachFollowedByASentinel(List<Frame> frames) throws InterruptedException {
    for (int i = 0; i < frames.size(); i++) {
      Frame frame = frames.get(i);
      boolean queued = frame.binary() ? socket.send(frame.payload()) : socket.send(frame.payload().utf8());
      assertThat(queued && socket.send(sentinel(i))).as("queued " + frame.name()).isTrue();
    }
    List<Window> windows = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      OrderId sentinel = OrderId.of(sentinelOrderNo(i));
      List<Event> events = new ArrayList<>();
      for (Event e = listener.next(Event.class); !isUpdateOf(e, sentinel); e = listener.next(Event.class)) {
        assertThat(e).as("after " + frames.get(i).name()).isInstanceOfAny(Update.class, Malformed.class);
        events.add(e);
      }
      windows.add(new Window(frames.get(i), events));
    }
    listener.assertNoMore();
    return windows;
  }

  private void assertOneWarningPerReportAndNoToken(List<Window> windows) {
    List<String> problems = windows.stream().flatMap(w -> w.events().stream())
        .filter(Malformed.class::isInstance).map(e -> ((Malformed) e).problem()).toList();
    assertThat(problems).allSatisfy(p -> assertThat(p).doesNotContain(TOKEN).hasSizeLessThanOrEqualTo(MAX_PROBLEM_CHARS));
    List<String> warnings = logs.warnings();
    assertThat(warnings).as("one warning per report").hasSize(problems.size());
    assertThat(warnings).allSatisfy(line -> assertThat(line).doesNotContain(TOKEN));
    assertThat(server.getRequestCount()).as("connections: a bad frame never reconnects").isEqualTo(1);
  }

  private static boolean isUpdateOf(Event event, OrderId orderId) {
    return event instanceof Update u && u.update().orderId().equals(orderId);
  }

  private static String sentinel(int index) {
    return edited("5125112412345", sentinelOrderNo(index));
  }

  private static String sentinelOrderNo(int index) {
    return "900000" + index;
  }

  /** The sample frame with one piece replaced; fails if the piece is not there. */
  private static String edited(String piece, String replacement) {
    assertThat(Samples.ORDER_ALERT).contains(piece);
    return Samples.ORDER_ALERT.replace(piece, replacement);
  }
}
