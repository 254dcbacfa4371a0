package io.copytrade.dhan.ws;

import com.squareup.moshi.Json;

/** {@code LoginReq}: {@code MsgCode} is the integer 42. */
record LoginRequestJson(
    @Json(name = "MsgCode") int messageCode,
    @Json(name = "ClientId") String clientId,
    @Json(name = "Token") String token) {

  /** Records print their components; this one holds the token. */
  @Override
  public String toString() {
    return "LoginRequestJson[" + clientId + "]";
  }
}
