package io.copytrade.dhan.ws;

import io.copytrade.ports.broker.LeaderOrderListener;
import io.copytrade.ports.model.LeaderOrderUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps a failing listener from stopping the stream: what it throws is logged, and the next event comes. */
final class GuardedListener implements LeaderOrderListener {
  private static final Logger log = LoggerFactory.getLogger(GuardedListener.class);

  private final LeaderOrderListener delegate;

  GuardedListener(LeaderOrderListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void onOrderUpdate(LeaderOrderUpdate update) {
    guard("onOrderUpdate", () -> delegate.onOrderUpdate(update));
  }

  @Override
  public void onConnected() {
    guard("onConnected", delegate::onConnected);
  }

  @Override
  public void onDisconnected(String reason) {
    guard("onDisconnected", () -> delegate.onDisconnected(reason));
  }

  @Override
  public void onMalformedFrame(String problem) {
    guard("onMalformedFrame", () -> delegate.onMalformedFrame(problem));
  }

  private static void guard(String event, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      log.error("order-update listener failed in {}", event, e);
    }
  }
}
