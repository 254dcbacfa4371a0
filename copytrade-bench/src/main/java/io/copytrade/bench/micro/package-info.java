/**
 * JMH micro benchmarks of the copy path's pure steps: sizing and correlation ids. Times are per call, on one
 * thread; no I/O. Run from the bench jar ({@code java -jar copytrade-bench.jar}), see BENCHMARKS.md.
 */
package io.copytrade.bench.micro;
