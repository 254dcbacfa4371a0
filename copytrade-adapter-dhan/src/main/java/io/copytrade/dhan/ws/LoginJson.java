package io.copytrade.dhan.ws;

import com.squareup.moshi.Json;

/** The login frame; {@code UserType} sits beside {@code LoginReq}, not inside it. */
record LoginJson(@Json(name = "LoginReq") LoginRequestJson loginRequest, @Json(name = "UserType") String userType) {
  private static final int LOGIN_MESSAGE_CODE = 42;

  static LoginJson self(String clientId, String token) {
    return new LoginJson(new LoginRequestJson(LOGIN_MESSAGE_CODE, clientId, token), "SELF");
  }
}
