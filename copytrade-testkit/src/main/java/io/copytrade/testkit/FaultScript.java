package io.copytrade.testkit;

import java.time.Duration;
import java.util.function.Consumer;

/** Chooses what one armed fault does; each call arms one fault, used by one request. */
public final class FaultScript {
  private final Consumer<Faults.Fault> arm;

  FaultScript(Consumer<Faults.Fault> arm) {
    this.arm = arm;
  }

  /**
   * Answers {@code httpStatus} with Dhan's error body for {@code dhCode} (errorType and errorMessage from the
   * annexure), e.g. {@code respond(429, "DH-904")}. The request is not handled: nothing is placed.
   */
  public void respond(int httpStatus, String dhCode) {
    respond(httpStatus, dhCode, DhanError.annexureMessage(dhCode));
  }

  /** As {@link #respond(int, String)} with Dhan's own wording, e.g. {@code respond(400, "DH-905", "Invalid IP")}. */
  public void respond(int httpStatus, String dhCode, String errorMessage) {
    if (httpStatus < 400 || httpStatus > 599) throw new IllegalArgumentException("not an error: " + httpStatus);
    arm.accept(new Faults.Fault.Respond(httpStatus, dhCode, errorMessage));
  }

  /** HTTP 500 with DH-908; nothing is placed. */
  public void serverError() {
    respond(500, "DH-908");
  }

  /** Holds the request for {@code delay} before handling it normally (a slow gateway). */
  public void delay(Duration delay) {
    if (delay.isNegative()) throw new IllegalArgumentException("negative delay: " + delay);
    arm.accept(new Faults.Fault.Delay(delay));
  }

  /**
   * Handles the request (the order IS placed), then holds the answer for {@code delay}: a caller killed
   * meanwhile has sent an order whose answer it never read.
   */
  public void answerLate(Duration delay) {
    if (delay.isNegative()) throw new IllegalArgumentException("negative delay: " + delay);
    arm.accept(new Faults.Fault.AnswerLate(delay));
  }

  /** Handles the request (the order IS placed), then drops the connection without any response. */
  public void dropAfterAccept() {
    arm.accept(new Faults.Fault.DropAfterAccept());
  }
}
