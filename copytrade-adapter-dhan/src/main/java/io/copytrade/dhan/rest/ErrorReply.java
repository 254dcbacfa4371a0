package io.copytrade.dhan.rest;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import io.copytrade.dhan.wire.WireValues;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import okhttp3.ResponseBody;
import retrofit2.Response;

/**
 * A non-2xx answer: its HTTP status and, when the body is Dhan's error JSON, the DH code and message. The
 * message is already redacted.
 */
record ErrorReply(int status, Optional<String> code, String message) {
  private static final int MAX_BODY_EXCERPT = 200;

  static ErrorReply of(Response<?> response, JsonAdapter<ErrorJson> errors, String token) {
    String body = WireValues.redact(text(response.errorBody()), token);
    ErrorJson json = parse(body, errors);
    Optional<String> code = Optional.ofNullable(json).map(ErrorJson::errorCode).filter(c -> !c.isBlank());
    String message = json != null && json.errorMessage() != null
        ? WireValues.excerpt(json.errorMessage(), MAX_BODY_EXCERPT)
        : excerpt(body);
    return new ErrorReply(response.code(), code, message);
  }

  /**
   * 401, DH-901, or DH-906 saying "Invalid Token" (a token the server invalidated has been seen to answer
   * 400). The phrase is looked for anywhere in the message, ignoring case: stopping an account on a doubtful
   * refusal is the safe side.
   */
  boolean isAuthenticationFailure() {
    return status == 401
        || hasCode("DH-901")
        || hasCode("DH-906") && message.toLowerCase(Locale.ROOT).contains("invalid token");
  }

  /** 429 or DH-904 (Dhan sends no Retry-After): nothing was done; back off and send again. */
  boolean isRateLimited() {
    return status == 429 || hasCode("DH-904");
  }

  /**
   * A refusal of the account rather than of this request: DH-902 (no trading access), DH-903 (an account
   * problem, e.g. the segment not active), DH-905 "Invalid IP" (order writes need the account's whitelisted
   * static IP) and DH-911 (invalid IP, named only in third-party notes). Nothing was placed, and every
   * further order of the account would be refused the same way until its owner fixes it at Dhan, so it is
   * a failure to alert on, not one order's rejection. The HTTP status of DH-902, DH-903 and DH-911 is
   * UNCONFIRMED, so the code decides whatever the status.
   */
  boolean isAccountRefusal() {
    return hasCode("DH-902") || hasCode("DH-903") || hasCode("DH-911")
        || hasCode("DH-905") && message.toLowerCase(Locale.ROOT).contains("invalid ip");
  }

  /**
   * Any 5xx, or a code that says the broker's own systems failed: DH-907 (data fetch failed), DH-908
   * (internal error), DH-909 (network error to its backend), DH-910 (other). None of these says the request
   * was not acted on, so an order write answered so may have placed: the caller resolves it by correlation id
   * and never sends it again blindly. The status these come with is UNCONFIRMED (a 4xx has not been ruled
   * out), so the code decides whatever the status.
   */
  boolean isServerFailure() {
    return status >= 500 || hasCode("DH-907") || hasCode("DH-908") || hasCode("DH-909") || hasCode("DH-910");
  }

  /** What a lookup by an unknown correlation id answers (orders still in TRANSIT included). */
  boolean isUnknownCorrelationId() {
    return status == 404 && hasCode("DH-906");
  }

  String describe(String operation) {
    return operation + ": HTTP " + status + code.map(c -> " " + c).orElse("") + " " + message;
  }

  private boolean hasCode(String dhCode) {
    return code.filter(dhCode::equalsIgnoreCase).isPresent();
  }

  private static String text(ResponseBody body) {
    if (body == null) return "";
    try (body) {
      return body.string();
    } catch (IOException e) {
      return "(error body unreadable: " + e.getClass().getSimpleName() + ")";
    }
  }

  private static ErrorJson parse(String body, JsonAdapter<ErrorJson> errors) {
    try {
      return body.isBlank() ? null : errors.fromJson(body);
    } catch (IOException | JsonDataException notDhanError) {
      return null;
    }
  }

  private static String excerpt(String body) {
    return body.isBlank() ? "(no body)" : WireValues.excerpt(body, MAX_BODY_EXCERPT);
  }
}
