/**
 * Dhan's live order-update WebSocket: log in with one JSON frame, then read {@code order_alert} frames into
 * {@link io.copytrade.ports.model.LeaderOrderUpdate}s, reconnecting with backoff when the socket drops.
 *
 * <p>Wire records ({@code *Json}) are package-private and use the socket's PascalCase names and one-letter
 * codes. Each subscription calls its listener on one thread, in order. A frame that cannot be read (bad
 * JSON, a missing or unknown value, over {@code FrameReader.MAX_FRAME_SIZE} = 64 KiB,
 * binary that is not UTF-8) is reported to the listener once, logged once at WARN, and skipped; the socket
 * stays up. Frames and reasons never carry the token. No nulls cross a port.
 */
package io.copytrade.dhan.ws;
