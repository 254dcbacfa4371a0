/**
 * CopyLagBench, the end-to-end benchmark harness: the engine (wired as the app wires it, in this JVM or as
 * {@code copytrade run} in its own) against FakeDhan on loopback. Copies are timed on the fake's wire, by its
 * public {@link io.copytrade.testkit.WireListener}, with System.nanoTime in this JVM: from the leader order's
 * first frame written to the follower's placement POST received. Figures are printed in milliseconds as
 * p50/p95/p99/max with their count N. Nothing here is a test: it prints, it never judges.
 */
package io.copytrade.bench;
