package io.copytrade.sqlite;

import static io.copytrade.sqlite.Fixtures.NIFTY_CE;
import static io.copytrade.sqlite.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copytrade.ports.instrument.InstrumentLoad;
import io.copytrade.ports.instrument.MasterFile;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.InstrumentType;
import io.copytrade.ports.model.LotSize;
import io.copytrade.ports.model.OptionType;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.Quantity;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InstrumentsTest extends OpenStore {
  private static final Instrument NIFTY_CALL = new Instrument(NIFTY_CE, "NIFTY-Dec2026-27650-CE", "NIFTY",
      InstrumentType.OPTIDX, LotSize.of(65), Price.ofPaise(5), Optional.of(LocalDate.of(2026, 12, 29)),
      Optional.of(Price.ofRupees("27650")), Optional.of(OptionType.CALL), Optional.of(Quantity.of(1755)));
  private static final Instrument RELIANCE = new Instrument(InstrumentKey.of(ExchangeSegment.NSE_EQ, "2885"),
      "RELIANCE", "RELIANCE", InstrumentType.EQUITY, LotSize.of(1), Price.ofPaise(10), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty());

  @Test
  void instrumentsRoundTripWithTheirOptionalsPresentOrAbsent() {
    store.load(new Listed("a", NIFTY_CALL, RELIANCE), at(0));

    assertThat(store.find(NIFTY_CE)).contains(NIFTY_CALL);
    assertThat(store.find(RELIANCE.key())).contains(RELIANCE);
    assertThat(store.find(InstrumentKey.of(ExchangeSegment.BSE_FNO, "35191"))).isEmpty();
    assertThat(store.count()).isEqualTo(2);
    assertThat(db.row("SELECT expiry_date, strike_paise, updated_at FROM instruments WHERE security_id = '35191'"))
        .containsEntry("expiry_date", "2026-12-29").containsEntry("strike_paise", 2765000)
        .containsEntry("updated_at", at(0).toEpochMilli());
  }

  @Test
  void aLaterLoadReplacesAnInstrumentEvenOneAlreadyLookedUp() {
    store.load(new Listed("a", NIFTY_CALL), at(0));
    assertThat(store.find(NIFTY_CE)).contains(NIFTY_CALL);
    Instrument newLot = new Instrument(NIFTY_CE, NIFTY_CALL.tradingSymbol(), "NIFTY", InstrumentType.OPTIDX,
        LotSize.of(75), Price.ofPaise(5), NIFTY_CALL.expiry(), NIFTY_CALL.strike(), NIFTY_CALL.optionType(),
        Optional.empty());

    store.load(new Listed("b", newLot), at(1));

    assertThat(store.find(NIFTY_CE)).contains(newLot);
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void aChangedMasterRewritesOnlyTheRowsThatChanged() {
    store.load(new Listed("a", NIFTY_CALL, RELIANCE), at(0));
    Instrument newTick = new Instrument(RELIANCE.key(), "RELIANCE", "RELIANCE", InstrumentType.EQUITY, LotSize.of(1),
        Price.ofPaise(5), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    store.load(new Listed("b", NIFTY_CALL, newTick), at(1));

    assertThat(store.find(RELIANCE.key())).contains(newTick);
    assertThat(db.row("SELECT updated_at FROM instruments WHERE security_id = '2885'"))
        .containsEntry("updated_at", at(1).toEpochMilli());
    assertThat(db.row("SELECT updated_at FROM instruments WHERE security_id = '35191'"))
        .containsEntry("updated_at", at(0).toEpochMilli());
    assertThat(store.lastLoad()).contains(new InstrumentLoad("b", 2, at(1)));
  }

  @Test
  void aLargeMasterLoadsInOneCall() {
    List<Instrument> master = IntStream.range(0, 5_000).mapToObj(i -> new Instrument(
        InstrumentKey.of(ExchangeSegment.NSE_FNO, Integer.toString(40_000 + i)), "SYM" + i, "NIFTY",
        InstrumentType.OPTIDX, LotSize.of(65), Price.ofPaise(5), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty())).toList();

    assertThat(store.load(new Listed("a", master.toArray(Instrument[]::new)), at(0))).isEqualTo(5_000);

    assertThat(store.count()).isEqualTo(5_000);
    assertThat(store.find(master.get(4_321).key())).contains(master.get(4_321));
    assertThat(store.lastLoad()).contains(new InstrumentLoad("a", 5_000, at(0)));
  }

  @Test
  void aLoadThatFailsMidwayLeavesTheCatalogueAndItsLastLoadAsTheyWere() {
    store.load(new Listed("a", NIFTY_CALL), at(0));
    MasterFile broken = new Listed("b", RELIANCE) {
      @Override
      public long readAll(Consumer<Instrument> sink) {
        super.readAll(sink);
        throw new IllegalStateException("connection reset halfway");
      }
    };

    assertThatThrownBy(() -> store.load(broken, at(1))).hasMessageContaining("halfway");

    assertThat(store.count()).isEqualTo(1);
    assertThat(store.find(RELIANCE.key())).isEmpty();
    assertThat(store.lastLoad()).contains(new InstrumentLoad("a", 1, at(0)));
  }

  @Test
  void anUnchangedMasterIsConfirmedNotWritten() {
    store.load(new Listed("a", NIFTY_CALL), at(0));

    store.confirmUnchanged("a", at(5));

    assertThat(store.lastLoad()).contains(new InstrumentLoad("a", 1, at(5)));
    assertThat(db.row("SELECT updated_at FROM instruments")).containsEntry("updated_at", at(0).toEpochMilli());
    assertThatThrownBy(() -> store.confirmUnchanged("other", at(6))).hasMessageContaining("other");
  }

  /** A master file of these instruments under a given fingerprint. */
  private static class Listed implements MasterFile {
    private final String fingerprint;
    private final List<Instrument> instruments;

    Listed(String fingerprint, Instrument... instruments) {
      this.fingerprint = fingerprint;
      this.instruments = List.of(instruments);
    }

    @Override
    public String fingerprint() {
      return fingerprint;
    }

    @Override
    public long readAll(Consumer<Instrument> sink) {
      instruments.forEach(sink);
      return instruments.size();
    }

    @Override
    public void close() {}
  }
}
