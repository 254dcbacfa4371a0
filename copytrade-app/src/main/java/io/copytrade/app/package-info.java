/**
 * The runner: configuration from the environment, Guice wiring, the copy engine's life cycle and the
 * {@code run} and {@code demo} commands. The only place Guice appears. Tokens are never printed.
 */
package io.copytrade.app;
