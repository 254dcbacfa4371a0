package io.copytrade.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal the fake answers with Dhan's trading error body {@code {"errorType","errorCode","errorMessage"}}.
 * Handlers throw it; the dispatcher turns it into the HTTP answer.
 */
final class DhanError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An annexure entry: the errorType and message a code comes with. */
  private record Annex(String type, String message) {}

  /**
   * Per code. DH-901, DH-904 and DH-905 messages are the annexure texts the server is measured to send
   * verbatim; the other types follow the annexure's names (their wire form is UNCONFIRMED).
   */
  private static final Map<String, Annex> ANNEXURE = Map.of(
      "DH-901", new Annex("Invalid_Authentication", "Client ID or user generated access token is invalid or expired."),
      "DH-902", new Annex("Invalid_Access",
          "User has not subscribed to Data APIs or does not have access to Trading APIs."),
      "DH-903", new Annex("User_Account", "Errors related to User's Account."),
      "DH-904", new Annex("Rate_Limit",
          "Too many requests on server from single user breaching rate limits. Try throttling API calls."),
      "DH-905", new Annex("Input_Exception", "Missing required fields, bad values for parameters etc."),
      "DH-906", new Annex("Order_Error", "Incorrect request for order and cannot be processed."),
      "DH-907", new Annex("Data_Error", "System is unable to fetch data."),
      "DH-908", new Annex("Internal_Server_Error", "Server was not able to process API request."),
      "DH-909", new Annex("Network_Error", "Network error where the API was unable to reach the backend."),
      "DH-910", new Annex("Others", "Error originating from other reasons."));
  private static final Annex OTHERS = ANNEXURE.get("DH-910");

  private final int httpStatus;
  private final String errorType;
  private final String errorCode;

  private DhanError(int httpStatus, String errorType, String errorCode, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.errorType = errorType;
    this.errorCode = errorCode;
  }

  /** The annexure's type and message for {@code code}, answered with {@code httpStatus}. */
  static DhanError of(int httpStatus, String code) {
    return of(httpStatus, code, annexureMessage(code));
  }

  /** The annexure's type for {@code code} with a message of the caller's, e.g. DH-905 "Invalid IP". */
  static DhanError of(int httpStatus, String code, String message) {
    return new DhanError(httpStatus, ANNEXURE.getOrDefault(code, OTHERS).type(), code, message);
  }

  static String annexureMessage(String code) {
    return ANNEXURE.getOrDefault(code, OTHERS).message();
  }

  /** 400 DH-905 with a message naming the field, like the measured "quantity is required". */
  static DhanError input(String message) {
    return of(400, "DH-905", message);
  }

  /** 400 DH-906, e.g. "Order is in Transit state". */
  static DhanError order(String message) {
    return of(400, "DH-906", message);
  }

  /** A correlation id Dhan cannot see (unknown or still TRANSIT) is a 404 with DH-906. */
  static DhanError noSuchCorrelationId() {
    return of(404, "DH-906", "Invalid correlation id or order not found");
  }

  static DhanError invalidAuthentication() {
    return of(401, "DH-901");
  }

  /** The measured alternative answer for a server-invalidated token. */
  static DhanError invalidToken() {
    return order("Invalid Token");
  }

  int httpStatus() {
    return httpStatus;
  }

  String body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errorType", errorType);
    body.put("errorCode", errorCode);
    body.put("errorMessage", getMessage());
    return JsonText.write(body);
  }
}
