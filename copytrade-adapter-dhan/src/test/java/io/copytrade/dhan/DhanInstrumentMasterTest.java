package io.copytrade.dhan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.copytrade.ports.broker.UnexpectedResponseException;
import io.copytrade.ports.instrument.MasterFile;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.InstrumentType;
import io.copytrade.ports.model.LotSize;
import io.copytrade.ports.model.OptionType;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.Quantity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DhanInstrumentMasterTest {
  /** §6.3 header as captured live, trailing comma included. */
  private static final String HEADER = "EXCH_ID,SEGMENT,SECURITY_ID,ISIN,INSTRUMENT,UNDERLYING_SECURITY_ID,"
      + "UNDERLYING_SYMBOL,SYMBOL_NAME,DISPLAY_NAME,INSTRUMENT_TYPE,SERIES,LOT_SIZE,SM_EXPIRY_DATE,STRIKE_PRICE,"
      + "OPTION_TYPE,TICK_SIZE,EXPIRY_FLAG,BRACKET_FLAG,COVER_FLAG,ASM_GSM_FLAG,ASM_GSM_CATEGORY,BUY_SELL_INDICATOR,"
      + "BUY_CO_MIN_MARGIN_PER,BUY_CO_SL_RANGE_MAX_PERC,BUY_CO_SL_RANGE_MIN_PERC,BUY_BO_MIN_MARGIN_PER,"
      + "BUY_BO_PROFIT_RANGE_MAX_PERC,BUY_BO_PROFIT_RANGE_MIN_PERC,MTF_LEVERAGE,SM_UPPER_LIMIT,SM_LOWER_LIMIT,"
      + "SM_FREEZE_QTY,";
  private static final String INDEX = "NSE,I,13,NA,INDEX,13,NIFTY,NIFTY,Nifty 50,INDEX,NA,1.0,0001-01-01,-0.01000,"
      + "XX,5.0000,NA,N,N,N,NA,A,0,0,0,0,0,0,0,0,0,0,";
  /** §6.3's NIFTY option row, verbatim. */
  private static final String OPTION = "NSE,D,35084,NA,OPTIDX,26000,NIFTY,NIFTY-Sep2026-29150-CE,"
      + "NIFTY 29 SEP 29150 CALL,OP,NA,65.0,2026-09-29,29150.00000,CE,5.0000,M,N,N,N,NA,A,0,0,0,0,0,0,0,20.1000,"
      + "0.0500,1756,";
  private static final String FUTURE = "NSE,D,48704,NA,FUTIDX,26000,NIFTY,NIFTY-Oct2026-FUT,NIFTY OCT FUT,FUT,NA,"
      + "65.0,2026-10-27 14:30:00,-0.01000,XX,10.0000,M,N,N,N,NA,A,0,0,0,0,0,0,0,0,0,1800,";
  private static final String BROKEN = OPTION.replace("35084", "35085").replace("65.0", "sixty-five");

  private static final Instrument NIFTY_29150_CE = new Instrument(InstrumentKey.of(ExchangeSegment.NSE_FNO, "35084"),
      "NIFTY-Sep2026-29150-CE", "NIFTY", InstrumentType.OPTIDX, LotSize.of(65), Price.ofPaise(5),
      Optional.of(LocalDate.of(2026, 9, 29)), Optional.of(Price.ofRupees("29150")), Optional.of(OptionType.CALL),
      Optional.of(Quantity.of(1756)));

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(DhanInstrumentMaster.class);
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = Loopback.server();
    log.start();
    logger.addAppender(log);
    logger.setLevel(Level.INFO);
  }

  @AfterEach
  void stop() {
    logger.detachAppender(log);
    logger.setLevel(null);
    server.close();
  }

  @Test
  void readsTradableRowsByColumnNameAndSkipsIndexAndUnreadableRows() {
    List<Instrument> read = readAll(String.join("\n", HEADER, INDEX, OPTION, BROKEN, FUTURE, ""));

    assertThat(read).containsExactly(NIFTY_29150_CE, new Instrument(
        InstrumentKey.of(ExchangeSegment.NSE_FNO, "48704"), "NIFTY-Oct2026-FUT", "NIFTY", InstrumentType.FUTIDX,
        LotSize.of(65), Price.ofPaise(10), Optional.of(LocalDate.of(2026, 10, 27)), Optional.empty(),
        Optional.empty(), Optional.of(Quantity.of(1800))));
    assertThat(log.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
        .contains("2 instruments read", "1 index rows", "1 unreadable rows", "line 4", "LOT_SIZE");
  }

  @Test
  void followsTheHeaderWhereverTheColumnsAre() {
    String header = "SM_FREEZE_QTY,TICK_SIZE,OPTION_TYPE,STRIKE_PRICE,SM_EXPIRY_DATE,LOT_SIZE,SYMBOL_NAME,"
        + "UNDERLYING_SYMBOL,INSTRUMENT,SECURITY_ID,SEGMENT,EXCH_ID,NEW_COLUMN";
    String row = "1756,5.0000,CE,29150.00000,2026-09-29,65.0,NIFTY-Sep2026-29150-CE,NIFTY,OPTIDX,35084,D,NSE,x";

    assertThat(readAll(header + "\r\n" + row + "\r\n")).containsExactly(NIFTY_29150_CE);
  }

  @Test
  void aMissingColumnIsNamed() {
    server.enqueue(new MockResponse.Builder().body(HEADER.replace("SM_FREEZE_QTY,", "") + "\n" + OPTION).build());

    try (MasterFile file = new DhanInstrumentMaster(server.url("/csv").uri()).download()) {
      assertThatThrownBy(() -> file.readAll(i -> {}))
          .isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("SM_FREEZE_QTY");
    }
  }

  @Test
  void theFingerprintNamesTheContentAndTheDownloadIsGoneOnceClosed() throws IOException {
    String csv = String.join("\n", HEADER, OPTION, "");
    server.enqueue(new MockResponse.Builder().body(csv).build());
    server.enqueue(new MockResponse.Builder().body(csv).build());
    server.enqueue(new MockResponse.Builder().body(csv + FUTURE).build());
    DhanInstrumentMaster master = new DhanInstrumentMaster(server.url("/csv").uri());
    List<String> fingerprints = new ArrayList<>();
    long before = temporaryDownloads();
    for (int k = 0; k < 3; k++) {
      try (MasterFile file = master.download()) {
        fingerprints.add(file.fingerprint());
        assertThat(temporaryDownloads()).isEqualTo(before + 1);
      }
    }

    assertThat(fingerprints.get(0)).hasSize(64).isEqualTo(fingerprints.get(1)).isNotEqualTo(fingerprints.get(2));
    assertThat(temporaryDownloads()).isEqualTo(before);
  }

  private static long temporaryDownloads() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(f -> f.getFileName().toString().startsWith("instrument-master-")).count();
    }
  }

  private List<Instrument> readAll(String csv) {
    server.enqueue(new MockResponse.Builder().body(csv).build());
    List<Instrument> read = new ArrayList<>();
    try (MasterFile file = new DhanInstrumentMaster(server.url("/csv").uri()).download()) {
      assertThat(file.readAll(read::add)).isEqualTo(read.size());
    }
    return read;
  }
}
