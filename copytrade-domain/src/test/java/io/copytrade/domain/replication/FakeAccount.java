package io.copytrade.domain.replication;

import io.copytrade.ports.broker.BrokerAccount;
import io.copytrade.ports.broker.OutcomeUnknownException;
import io.copytrade.ports.broker.PlacementResult;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.Funds;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.Margin;
import io.copytrade.ports.model.ModifyRequest;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderRequest;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.Position;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Profile;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Trade;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A broker account that keeps an order book of what it is sent and answers with scripted results.
 * Unscripted places are accepted in TRANSIT with ids "&lt;account&gt;-1", "-2"...; modifies change the book;
 * cancels are accepted. {@link #writes} lists every place, modify and cancel as text, in order.
 */
final class FakeAccount implements BrokerAccount {
  /** A scripted answer to one place call: a result, or a thrown exception. */
  interface Answer {
    PlacementResult answer(OrderRequest request);
  }

  final List<OrderRequest> placed = new ArrayList<>();
  final List<String> writes = new ArrayList<>();
  private final AccountId id;
  private final Deque<Answer> answers = new ArrayDeque<>();
  private final Deque<Supplier<PlacementResult>> cancelAnswers = new ArrayDeque<>();
  private final Map<OrderId, BrokerOrder> book = new LinkedHashMap<>();
  private final List<Position> positions = new ArrayList<>();
  private Supplier<Funds> funds;
  private Function<OrderRequest, Margin> margin = request -> {
    throw new UnsupportedOperationException("margin not scripted");
  };
  private Consumer<OrderRequest> onPlace = request -> {};
  private Runnable onPositions = () -> {};
  private Optional<RuntimeException> positionsFailure = Optional.empty();
  private Optional<RuntimeException> lookupFailure = Optional.empty();
  int fundsCalls;
  /** Reads of one order by id ({@link #order}). */
  int orderReads;

  FakeAccount(String id, String sodLimitRupees) {
    this.id = AccountId.of(id);
    Money sod = Money.ofRupees(sodLimitRupees);
    this.funds = () -> new Funds(this.id, sod, sod, Money.ZERO);
  }

  FakeAccount funds(Supplier<Funds> funds) {
    this.funds = funds;
    return this;
  }

  FakeAccount nextPlace(Answer answer) {
    answers.add(answer);
    return this;
  }

  FakeAccount nextCancel(Supplier<PlacementResult> answer) {
    cancelAnswers.add(answer);
    return this;
  }

  FakeAccount margin(Function<OrderRequest, Margin> answer) {
    this.margin = answer;
    return this;
  }

  /** Every positions read throws {@code failure}. */
  synchronized FakeAccount failPositions(RuntimeException failure) {
    positionsFailure = Optional.of(failure);
    return this;
  }

  /** Runs when place is called, before it answers: to look at the store, or move the clock. */
  FakeAccount onPlace(Consumer<OrderRequest> hook) {
    this.onPlace = hook;
    return this;
  }

  /** Runs when positions are read, before they are answered: an order filling meanwhile, say. */
  synchronized FakeAccount onPositions(Runnable hook) {
    this.onPositions = hook;
    return this;
  }

  /** Holds {@code net} contracts (signed), instead of what it held, with this day profit (rupees). */
  synchronized FakeAccount holds(InstrumentKey instrument, int net, String profitRupees) {
    positions.removeIf(p -> p.instrument().equals(instrument));
    positions.add(new Position(id, instrument, ProductType.INTRADAY, net, Price.ZERO, Price.ZERO,
        Money.ofRupees(profitRupees), Money.ZERO));
    return this;
  }

  synchronized FakeAccount holds(InstrumentKey instrument, int net) {
    return holds(instrument, net, "0");
  }

  /** The exchange moved one of this account's orders; returns it as the book now shows it. */
  synchronized Optional<BrokerOrder> exchange(OrderId orderId, OrderStatus status, int filled) {
    BrokerOrder o = book.get(orderId);
    book.put(orderId, new BrokerOrder(o.account(), o.orderId(), o.correlationId(), status, o.side(),
        o.instrument(), o.product(), o.orderType(), o.validity(), o.quantity(), Quantity.of(filled), o.price(),
        o.triggerPrice(), o.averageTradedPrice(), o.rejectReason(), Optional.empty()));
    return inBook(orderId);
  }

  synchronized Optional<BrokerOrder> inBook(OrderId orderId) {
    return Optional.ofNullable(book.get(orderId));
  }

  @Override
  public AccountId id() {
    return id;
  }

  @Override
  public synchronized PlacementResult place(OrderRequest request) {
    placed.add(request);
    writes.add("place " + request.side() + " " + request.quantity() + " " + request.orderType() + " "
        + request.price().toRupeesText());
    onPlace.accept(request);
    Answer answer = answers.isEmpty()
        ? r -> new PlacementResult.Accepted(nextId(), OrderStatus.TRANSIT)
        : answers.poll();
    PlacementResult result = answer.answer(request);
    if (result instanceof PlacementResult.Accepted accepted) book(request, accepted.orderId(), accepted.status());
    return result;
  }

  /** The next place reaches the broker, which books it in {@code status}, but its answer is lost. */
  FakeAccount losesNextAnswer(OrderStatus status) {
    return nextPlace(request -> {
      book(request, nextId(), status);
      throw new OutcomeUnknownException("read timed out", null);
    });
  }

  /** Every lookup by correlation id and order book read throws {@code failure}. */
  synchronized FakeAccount failLookups(RuntimeException failure) {
    lookupFailure = Optional.of(failure);
    return this;
  }

  /** The broker shows this order (a leader order, say) as it is. */
  synchronized FakeAccount shows(BrokerOrder order) {
    book.put(order.orderId(), order);
    return this;
  }

  private OrderId nextId() {
    return OrderId.of(id + "-" + placed.size());
  }

  private void book(OrderRequest request, OrderId orderId, OrderStatus status) {
    book.put(orderId, new BrokerOrder(id, orderId, Optional.of(request.correlationId()), status, request.side(),
        request.instrument(), request.product(), request.orderType(), request.validity(), request.quantity(),
        Quantity.ZERO, request.price(), request.triggerPrice(), Optional.empty(), Optional.empty(),
        Optional.empty()));
  }

  @Override
  public synchronized Funds funds() {
    fundsCalls++;
    return funds.get();
  }

  @Override
  public synchronized PlacementResult modify(ModifyRequest request) {
    writes.add("modify " + request.orderId() + " " + request.totalQuantity() + " " + request.orderType() + " "
        + request.price().toRupeesText());
    BrokerOrder o = book.get(request.orderId());
    book.put(o.orderId(), new BrokerOrder(o.account(), o.orderId(), o.correlationId(), o.status(), o.side(),
        o.instrument(), o.product(), request.orderType(), request.validity(), request.totalQuantity(),
        o.filledQuantity(), request.price(), request.triggerPrice(), o.averageTradedPrice(), o.rejectReason(),
        Optional.empty()));
    return new PlacementResult.Accepted(o.orderId(), o.status());
  }

  @Override
  public synchronized PlacementResult cancel(OrderId orderId) {
    writes.add("cancel " + orderId);
    PlacementResult result = cancelAnswers.isEmpty()
        ? new PlacementResult.Accepted(orderId, OrderStatus.CANCELLED)
        : cancelAnswers.poll().get();
    if (result instanceof PlacementResult.Accepted) {
      exchange(orderId, OrderStatus.CANCELLED, book.get(orderId).filledQuantity().units());
    }
    return result;
  }

  /** Like Dhan, cannot see an order still in TRANSIT. */
  @Override
  public synchronized Optional<BrokerOrder> findByCorrelationId(CorrelationId correlationId) {
    if (lookupFailure.isPresent()) throw lookupFailure.get();
    return book.values().stream().filter(o -> o.status() != OrderStatus.TRANSIT)
        .filter(o -> o.correlationId().equals(Optional.of(correlationId))).findFirst();
  }

  @Override
  public synchronized List<BrokerOrder> orderBook() {
    if (lookupFailure.isPresent()) throw lookupFailure.get();
    return List.copyOf(book.values());
  }

  @Override
  public synchronized Optional<BrokerOrder> order(OrderId orderId) {
    orderReads++;
    return Optional.ofNullable(book.get(orderId));
  }

  @Override
  public List<Trade> trades() {
    throw new UnsupportedOperationException("not used by replication");
  }

  @Override
  public synchronized List<Position> positions() {
    if (positionsFailure.isPresent()) throw positionsFailure.get();
    onPositions.run();
    return List.copyOf(positions);
  }

  @Override
  public Profile profile() {
    throw new UnsupportedOperationException("not used by replication");
  }

  @Override
  public Margin margin(OrderRequest request) {
    return margin.apply(request);
  }
}
