package io.copytrade.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InstrumentMasterTest {
  @RegisterExtension static final FakeDhanExtension dhan = new FakeDhanExtension();

  @BeforeAll
  static void listChain() {
    dhan.instruments().niftyDemoChain();
  }

  @Test
  void detailedCsvHasTheLiveHeaderAndRowsShapedLikeTheReferenceSample() {
    DhanHttp.Answer csv = anonymous(dhan.instrumentMaster()).get("");

    assertThat(csv.code()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("EXCH_ID,SEGMENT,SECURITY_ID,ISIN,INSTRUMENT,UNDERLYING_SECURITY_ID,"
        + "UNDERLYING_SYMBOL,SYMBOL_NAME,DISPLAY_NAME,INSTRUMENT_TYPE,SERIES,LOT_SIZE,SM_EXPIRY_DATE,STRIKE_PRICE,"
        + "OPTION_TYPE,TICK_SIZE,EXPIRY_FLAG,BRACKET_FLAG,COVER_FLAG,ASM_GSM_FLAG,ASM_GSM_CATEGORY,"
        + "BUY_SELL_INDICATOR,BUY_CO_MIN_MARGIN_PER,BUY_CO_SL_RANGE_MAX_PERC,BUY_CO_SL_RANGE_MIN_PERC,"
        + "BUY_BO_MIN_MARGIN_PER,BUY_BO_PROFIT_RANGE_MAX_PERC,BUY_BO_PROFIT_RANGE_MIN_PERC,MTF_LEVERAGE,"
        + "SM_UPPER_LIMIT,SM_LOWER_LIMIT,SM_FREEZE_QTY,");
    assertThat(lines).contains(
        "NSE,D,35191,NA,OPTIDX,26000,NIFTY,NIFTY-Dec2026-27650-CE,NIFTY 29 DEC 27650 CALL,OP,NA,65.0,"
            + "2026-12-29,27650.00000,CE,5.0000,M,N,N,N,NA,A,0,0,0,0,0,0,0,5000.0000,0.0500,1800,",
        "NSE,D,51234,NA,OPTIDX,26009,BANKNIFTY,BANKNIFTY-Dec2026-61000-CE,BANKNIFTY 29 DEC 61000 CALL,OP,NA,"
            + "30.0,2026-12-29,61000.00000,CE,5.0000,M,N,N,N,NA,A,0,0,0,0,0,0,0,5000.0000,0.0500,900,");
    assertThat(lines).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(33));
  }

  @Test
  void perSegmentFileNeedsNoTokenAndHoldsOnlyThatSegment() {
    DhanHttp.Answer index = anonymous(dhan.restBase()).get("instrument/IDX_I");
    DhanHttp.Answer options = anonymous(dhan.restBase()).get("instrument/NSE_FNO");

    assertThat(index.body().lines()).hasSize(2).last().asString().startsWith("NSE,I,13,NA,INDEX,");
    assertThat(options.body().lines().skip(1)).hasSize(7).allMatch(line -> line.startsWith("NSE,D,"));
    assertThat(anonymous(dhan.restBase()).get("instrument/NSE_XYZ").code()).isEqualTo(400);
  }

  @Test
  void perSegmentFileCanBeMadeToNeedAToken() {
    dhan.settings().instrumentCsvNeedsToken(true);
    FakeAccount account = dhan.account("1000000001");

    anonymous(dhan.restBase()).get("instrument/NSE_FNO")
        .assertError(401, "Invalid_Authentication", "DH-901");
    assertThat(DhanHttp.as(dhan.fake(), account).get("instrument/NSE_FNO").code()).isEqualTo(200);
    assertThat(anonymous(dhan.instrumentMaster()).get("").code()).as("the CSV file stays public").isEqualTo(200);
  }

  private static DhanHttp anonymous(URI base) {
    return new DhanHttp(base, "1000000001", null);
  }
}
