package io.copytrade.dhan;

import static org.assertj.core.api.Assertions.assertThat;

import io.copytrade.ports.broker.LeaderOrderListener;
import io.copytrade.ports.model.LeaderOrderUpdate;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records what a subscription tells its listener, and on which threads; waits are bounded. */
final class RecordingListener implements LeaderOrderListener {
  sealed interface Event {}

  record Connected() implements Event {}

  record Disconnected(String reason) implements Event {}

  record Update(LeaderOrderUpdate update) implements Event {}

  record Malformed(String problem) implements Event {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Set<String> threads = ConcurrentHashMap.newKeySet();

  @Override
  public void onOrderUpdate(LeaderOrderUpdate update) {
    record(new Update(update));
  }

  @Override
  public void onConnected() {
    record(new Connected());
  }

  @Override
  public void onDisconnected(String reason) {
    record(new Disconnected(reason));
  }

  @Override
  public void onMalformedFrame(String problem) {
    record(new Malformed(problem));
  }

  <T extends Event> T next(Class<T> type) throws InterruptedException {
    Event event = events.poll(5, TimeUnit.SECONDS);
    assertThat(event).as("next event, a %s", type.getSimpleName()).isInstanceOf(type);
    return type.cast(event);
  }

  /** Proves nothing else arrived within a short, bounded wait. */
  void assertNoMore() throws InterruptedException {
    assertThat(events.poll(200, TimeUnit.MILLISECONDS)).as("no further event").isNull();
  }

  Set<String> threads() {
    return threads;
  }

  private void record(Event event) {
    threads.add(Thread.currentThread().getName());
    events.add(event);
  }
}
