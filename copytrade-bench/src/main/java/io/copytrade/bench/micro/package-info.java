/**
 * JMH micro benchmarks of steps on the copy path: sizing and correlation ids (pure, no I/O), and one store
 * commit (an fsync). Times are per call, on one thread. Run from the bench jar ({@code java -jar
 * copytrade-bench.jar}), see BENCHMARKS.md.
 */
package io.copytrade.bench.micro;
