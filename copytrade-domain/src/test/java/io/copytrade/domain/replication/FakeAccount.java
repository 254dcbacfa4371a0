package io.copytrade.domain.replication;

import io.copytrade.ports.broker.BrokerAccount;
import io.copytrade.ports.broker.PlacementResult;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.Funds;
import io.copytrade.ports.model.Margin;
import io.copytrade.ports.model.ModifyRequest;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderRequest;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.Position;
import io.copytrade.ports.model.Profile;
import io.copytrade.ports.model.Trade;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A broker account that records every order it is sent and answers with scripted results; unscripted
 * places are accepted in TRANSIT with ids "&lt;account&gt;-1", "-2"...
 */
final class FakeAccount implements BrokerAccount {
  /** A scripted answer to one place call: a result, or a thrown exception. */
  interface Answer {
    PlacementResult answer(OrderRequest request);
  }

  final List<OrderRequest> placed = new ArrayList<>();
  private final AccountId id;
  private final Deque<Answer> answers = new ArrayDeque<>();
  private Supplier<Funds> funds;
  private Consumer<OrderRequest> onPlace = request -> {};
  int fundsCalls;

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

  /** Runs when place is called, before it answers: to look at the store, or move the clock. */
  FakeAccount onPlace(Consumer<OrderRequest> hook) {
    this.onPlace = hook;
    return this;
  }

  @Override
  public AccountId id() {
    return id;
  }

  @Override
  public PlacementResult place(OrderRequest request) {
    placed.add(request);
    onPlace.accept(request);
    Answer answer = answers.isEmpty()
        ? r -> new PlacementResult.Accepted(OrderId.of(id + "-" + placed.size()), OrderStatus.TRANSIT)
        : answers.poll();
    return answer.answer(request);
  }

  @Override
  public Funds funds() {
    fundsCalls++;
    return funds.get();
  }

  @Override
  public PlacementResult modify(ModifyRequest request) {
    throw new UnsupportedOperationException("not used by entry replication");
  }

  @Override
  public PlacementResult cancel(OrderId orderId) {
    throw new UnsupportedOperationException("not used by entry replication");
  }

  @Override
  public Optional<BrokerOrder> findByCorrelationId(CorrelationId correlationId) {
    throw new UnsupportedOperationException("replication never asks before placing a new copy");
  }

  @Override
  public List<BrokerOrder> orderBook() {
    throw new UnsupportedOperationException("not used by entry replication");
  }

  @Override
  public Optional<BrokerOrder> order(OrderId orderId) {
    throw new UnsupportedOperationException("not used by entry replication");
  }

  @Override
  public List<Trade> trades() {
    throw new UnsupportedOperationException("not used by entry replication");
  }

  @Override
  public List<Position> positions() {
    throw new UnsupportedOperationException("not used by entry replication");
  }

  @Override
  public Profile profile() {
    throw new UnsupportedOperationException("not used by entry replication");
  }

  @Override
  public Margin margin(OrderRequest request) {
    throw new UnsupportedOperationException("not used by entry replication");
  }
}
