package io.copytrade.testkit;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.Price;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Every account's orders and trades, and the market prices that fill them: Dhan's OMS and the exchange in
 * one small matching loop. One lock guards it all; requests, the OMS thread and test code call in
 * concurrently. The listener hears every change under that lock, so it sees changes in their true order.
 */
final class Book {
  /** Hears each change of an order (placed, left transit, modified, filled, cancelled, rejected). */
  interface Listener {
    void changed(BookOrder order);
  }

  static final int MAX_MODIFICATIONS = 25;

  private final Object lock = new Object();
  private final Map<OrderId, BookOrder> orders = new LinkedHashMap<>();
  private final List<Fill> fills = new ArrayList<>();
  private final Map<InstrumentKey, Price> lastPrices = new HashMap<>();
  private final FakeSettings settings;
  private final ScheduledExecutorService oms;
  private final Clock clock;
  private final Listener listener;
  private long nextOrderNo = 5_126_000_000_001L;
  private long nextExchangeOrderNo = 1_100_000_000_000_001L;
  private long nextTradeNo = 10_000_001L;

  Book(FakeSettings settings, ScheduledExecutorService oms, Clock clock, Listener listener) {
    this.settings = settings;
    this.oms = oms;
    this.clock = clock;
    this.listener = listener;
  }

  /** Accepts the order as TRANSIT; the OMS thread moves it on after the configured transit time. */
  OrderId place(AccountId account, OrderInput input) {
    synchronized (lock) {
      BookOrder order = new BookOrder(OrderId.of(Long.toString(nextOrderNo++)), account, input, now(),
          clock.millis());
      orders.put(order.id, order);
      listener.changed(order);
      oms.schedule(() -> leaveTransit(order.id), settings.transitDuration().toNanos(), TimeUnit.NANOSECONDS);
      return order.id;
    }
  }

  /** Applies a modification and answers the order's status. {@code quantity} is the new total. */
  OrderStatus modify(AccountId account, OrderId id, ModifyInput input) {
    synchronized (lock) {
      BookOrder order = owned(account, id);
      if (!order.isOpen()) throw DhanError.order("Order is already " + order.status + ", cannot modify");
      if (order.modifications >= MAX_MODIFICATIONS) {
        throw DhanError.order("Maximum " + MAX_MODIFICATIONS + " modifications allowed per order");
      }
      int quantity = input.quantity().orElse(order.quantity);
      if (quantity <= order.filled) {
        throw DhanError.input("quantity " + quantity + " must exceed the traded quantity " + order.filled);
      }
      Price price = input.price().orElse(order.price);
      Price trigger = input.triggerPrice().orElse(order.triggerPrice);
      OrderRequests.requirePrices(input.orderType(), price, trigger);
      if (order.status != OrderStatus.TRANSIT) {
        Optional<String> refusal = rmsRefusal(order.id, order.instrument, quantity, price, trigger);
        if (refusal.isPresent()) throw DhanError.order(refusal.get());
      }
      order.orderType = input.orderType();
      order.validity = input.validity();
      order.quantity = quantity;
      order.price = price;
      order.triggerPrice = trigger;
      order.disclosedQuantity = input.disclosedQuantity().orElse(order.disclosedQuantity);
      order.modifications++;
      changed(order);
      match(order);
      return order.status;
    }
  }

  /** Cancels an open order that has reached the exchange. */
  void cancel(AccountId account, OrderId id) {
    synchronized (lock) {
      BookOrder order = owned(account, id);
      if (order.status == OrderStatus.TRANSIT) throw DhanError.order("Order is in Transit state");
      if (!order.isOpen()) throw DhanError.order("Nothing to Cancel");
      order.status = OrderStatus.CANCELLED;
      changed(order);
    }
  }

  /** A new market price; resting orders it crosses fill at it. */
  void price(InstrumentKey key, Price ltp) {
    synchronized (lock) {
      lastPrices.put(key, ltp);
      orders.values().stream().filter(o -> o.instrument.key().equals(key)).toList().forEach(this::match);
    }
  }

  /** A scripted fill: at the order's own price, or at the market price for market orders. */
  void fill(OrderId id, int quantity) {
    synchronized (lock) {
      BookOrder order = orders.get(id);
      if (order == null) throw new IllegalArgumentException("no order " + id);
      if (!order.isOpen() || order.status == OrderStatus.TRANSIT) {
        throw new IllegalStateException("order " + id + " is " + order.status + " and cannot fill");
      }
      if (quantity <= 0 || quantity > order.remaining()) {
        throw new IllegalArgumentException("fill of " + quantity + " for " + order.remaining() + " remaining");
      }
      Price at = order.price.isZero() ? lastPrice(order.instrument.key()).orElseThrow(
          () -> new IllegalStateException("no market price for " + order.instrument.key())) : order.price;
      execute(order, quantity, at);
    }
  }

  Optional<Price> lastPrice(InstrumentKey key) {
    synchronized (lock) {
      return Optional.ofNullable(lastPrices.get(key));
    }
  }

  <T> List<T> orders(AccountId account, Function<BookOrder, T> view) {
    synchronized (lock) {
      return ordersOf(account).map(view).toList();
    }
  }

  <T> Optional<T> order(AccountId account, OrderId id, Function<BookOrder, T> view) {
    synchronized (lock) {
      return Optional.ofNullable(orders.get(id)).filter(o -> o.account.equals(account)).map(view);
    }
  }

  <T> Optional<T> order(OrderId id, Function<BookOrder, T> view) {
    synchronized (lock) {
      return Optional.ofNullable(orders.get(id)).map(view);
    }
  }

  /** The newest order with this correlation id that has left TRANSIT (Dhan cannot see TRANSIT ones). */
  <T> Optional<T> byCorrelationId(AccountId account, String correlationId, Function<BookOrder, T> view) {
    synchronized (lock) {
      return ordersOf(account)
          .filter(o -> o.correlationId.equals(correlationId) && o.status != OrderStatus.TRANSIT)
          .reduce((older, newer) -> newer).map(view);
    }
  }

  List<Fill> fills(AccountId account) {
    synchronized (lock) {
      return fills.stream().filter(f -> f.account().equals(account)).toList();
    }
  }

  <T> List<T> positions(AccountId account, PositionView<T> view) {
    synchronized (lock) {
      Map<String, PositionTally> tallies = new LinkedHashMap<>();
      for (Fill fill : fills) {
        if (!fill.account().equals(account)) continue;
        tallies.computeIfAbsent(fill.instrument().key() + "/" + fill.productType(),
            k -> new PositionTally(account, fill.instrument(), fill.productType())).add(fill);
      }
      return tallies.values().stream()
          .map(t -> view.apply(t, Optional.ofNullable(lastPrices.get(t.instrument.key())))).toList();
    }
  }

  /** Maps a position and its instrument's market price to a view. */
  interface PositionView<T> {
    T apply(PositionTally tally, Optional<Price> ltp);
  }

  /** Funds used: the premium of every buy fill (a deliberate simplification; sells release nothing). */
  Money utilized(AccountId account) {
    synchronized (lock) {
      return Money.ofPaise(fills.stream().filter(f -> f.account().equals(account) && f.side().equals("BUY"))
          .mapToLong(Fill::valuePaise).sum());
    }
  }

  /** Forgets orders and trades (ids keep counting); instruments' market prices stay. */
  void clearOrders() {
    synchronized (lock) {
      orders.clear();
      fills.clear();
    }
  }

  private void leaveTransit(OrderId id) {
    synchronized (lock) {
      BookOrder order = orders.get(id);
      if (order == null || order.status != OrderStatus.TRANSIT) return;
      Optional<String> refusal =
          rmsRefusal(order.id, order.instrument, order.quantity, order.price, order.triggerPrice);
      if (refusal.isPresent()) {
        order.status = OrderStatus.REJECTED;
        order.rejectReason = refusal.get();
        changed(order);
        return;
      }
      order.status = OrderStatus.PENDING;
      order.exchangeOrderId = Long.toString(nextExchangeOrderNo++);
      order.exchangeTime = Optional.of(now());
      changed(order);
      match(order);
      if (order.isOpen() && order.validity.equals("IOC")) {
        order.status = OrderStatus.CANCELLED;
        changed(order);
      }
    }
  }

  /** The RMS checks Dhan applies after accepting an order, worded like its omsErrorDescription. */
  private static Optional<String> rmsRefusal(OrderId id, InstrumentRow instrument, int quantity, Price price,
      Price trigger) {
    String prefix = "RMS:" + id + ":";
    if (quantity % instrument.lotSize() != 0) {
      return Optional.of(prefix + "Quantity " + quantity + " is not a multiple of lot size " + instrument.lotSize());
    }
    if (instrument.freezeQuantity() > 0 && quantity > instrument.freezeQuantity()) {
      return Optional.of(prefix + "Quantity " + quantity + " exceeds freeze quantity "
          + instrument.freezeQuantity());
    }
    long tick = instrument.tick().paise();
    if (price.paise() % tick != 0 || trigger.paise() % tick != 0) {
      return Optional.of(prefix + "Price is not a multiple of tick size " + instrument.tick().toRupeesText());
    }
    return Optional.empty();
  }

  /** Fills the rest of an order at the market price when the market reaches it. */
  private void match(BookOrder order) {
    Price ltp = lastPrices.get(order.instrument.key());
    if (!order.isOpen() || order.status == OrderStatus.TRANSIT || ltp == null) return;
    boolean stop = order.orderType.startsWith("STOP_LOSS");
    if (stop && !order.triggered) {
      order.triggered = order.isBuy() ? ltp.compareTo(order.triggerPrice) >= 0
          : ltp.compareTo(order.triggerPrice) <= 0;
      if (!order.triggered) return;
    }
    boolean atMarket = order.orderType.equals("MARKET") || order.orderType.equals("STOP_LOSS_MARKET");
    boolean crosses = order.isBuy() ? ltp.compareTo(order.price) <= 0 : ltp.compareTo(order.price) >= 0;
    if (atMarket || crosses) execute(order, order.remaining(), ltp);
  }

  private void execute(BookOrder order, int quantity, Price at) {
    order.filled += quantity;
    order.filledValuePaise += at.paise() * quantity;
    order.lastFillPrice = at;
    order.status = order.remaining() == 0 ? OrderStatus.TRADED : OrderStatus.PART_TRADED;
    changed(order);
    fills.add(new Fill(Long.toString(nextTradeNo++), order.id, order.account, order.exchangeOrderId, order.side,
        order.instrument, order.productType, order.orderType, quantity, at, order.updated));
  }

  private void changed(BookOrder order) {
    order.updated = now();
    listener.changed(order);
  }

  private BookOrder owned(AccountId account, OrderId id) {
    BookOrder order = orders.get(id);
    if (order == null || !order.account.equals(account)) throw DhanError.order("Invalid order id " + id);
    return order;
  }

  private Stream<BookOrder> ordersOf(AccountId account) {
    return orders.values().stream().filter(o -> o.account.equals(account));
  }

  private LocalDateTime now() {
    return LocalDateTime.now(Clock.offset(clock, settings.clockOffset()));
  }
}
