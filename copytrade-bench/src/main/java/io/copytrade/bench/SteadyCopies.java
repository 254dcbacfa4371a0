package io.copytrade.bench;

import io.copytrade.ports.model.OrderId;
import io.copytrade.testkit.FakeAccount;
import java.time.Duration;
import java.util.List;

/**
 * One follower, one new leader order every {@link Knobs#interval()}: the floor (a bare client) and the engine,
 * each on its own fake, and both again with a simulated broker round trip on every REST call.
 */
final class SteadyCopies {
  private static final Duration DRAIN = Duration.ofSeconds(30);

  private final Knobs knobs;
  private final Report report;

  SteadyCopies(Knobs knobs, Report report) {
    this.knobs = knobs;
    this.report = report;
  }

  void floor(String name, Duration latency) {
    try (Desk desk = Desk.open(1)) {
      desk.dhan.settings().restLatency(latency);
      FakeAccount follower = desk.followers.get(0);
      try (BareClient client = new BareClient(desk, follower)) {
        int total = knobs.warmup() + knobs.orders();
        List<OrderId> orders = Leader.trade(desk, 0, total, knobs.interval());
        if (!Leader.await(() -> client.posts().size() >= total, DRAIN)) {
          report.line(name + "  only " + client.posts().size() + " of " + total + " POSTs were answered");
        }
        List<Long> reads = client.framesRead();
        List<long[]> posts = client.posts();
        List<Long> arrivals = desk.times.placements(follower.id());
        Latencies frame = new Latencies();
        Latencies sent = new Latencies();
        Latencies roundTrip = new Latencies();
        Latencies floor = new Latencies();
        for (int i = knobs.warmup(); i < Math.min(posts.size(), arrivals.size()); i++) {
          long written = desk.times.firstFrame(orders.get(i)).orElseThrow();
          frame.record(reads.get(i) - written);
          sent.record(arrivals.get(i) - posts.get(i)[0]);
          roundTrip.record(posts.get(i)[1] - posts.get(i)[0]);
          floor.record(arrivals.get(i) - written);
        }
        report.figure(name + "  frame written -> read by OkHttp client", frame);
        report.figure(name + "  POST sent -> received by FakeDhan", sent);
        report.figure(name + "  POST round trip", roundTrip);
        report.figure(name + "  frame written -> POST received", floor);
        report.floor(name, floor);
      }
    }
  }

  void engine(String name, String floorName, Duration latency) throws Exception {
    try (Desk desk = Desk.open(1)) {
      desk.dhan.settings().restLatency(latency);
      try (InProcessEngine engine = InProcessEngine.start(desk, knobs.limits())) {
        desk.times.takeCalls();
        int total = knobs.warmup() + knobs.orders();
        List<OrderId> orders = Leader.trade(desk, 0, total, knobs.interval());
        if (!Leader.await(() -> desk.times.everyFollowerPlaced(total), DRAIN)) {
          report.line(name + "  only " + desk.times.placementCount(desk.followers.get(0).id()) + " of " + total
              + " copies were placed");
        }
        Copy.Pairing pairing = Copy.pair(desk, orders);
        pairing.unpaired().forEach(problem -> report.line(name + "  unpaired: " + problem));
        Latencies posted = new Latencies();
        Latencies recorded = new Latencies();
        for (Copy copy : pairing.copies()) {
          if (copy.order() < knobs.warmup()) continue;
          posted.record(copy.lagNanos());
          OrderId leaderOrder = orders.get(copy.order());
          engine.recorded(leaderOrder).ifPresent(at -> recorded.record(at - desk.times.firstFrame(leaderOrder)
              .orElseThrow()));
        }
        String label = name + "  1 follower  " + knobs.limits().label();
        report.figure(label + "  frame written -> POST received", posted);
        report.figure(label + "  frame written -> copy recorded", recorded);
        report.againstFloor(floorName, name + "  against " + floorName + " (frame -> POST)", posted);
        report.line(name + "  REST calls during the run: " + desk.times.takeCalls());
      }
    }
  }
}
