package io.copytrade.testkit;

import io.copytrade.ports.model.AccountId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * JWT-shaped fake access tokens: a real header, a payload with Dhan's claims (dhanClientId included, issuer
 * "fake-dhan") and a random, unsigned "signature", so no token of the fake can pass for a real one.
 */
final class DemoTokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64_URL = Base64.getUrlEncoder().withoutPadding();

  private DemoTokens() {}

  static String issue(AccountId account, Instant issuedAt, Instant expiresAt) {
    String header = "{\"typ\":\"JWT\",\"alg\":\"HS512\"}";
    String payload = "{\"iss\":\"fake-dhan\",\"partnerId\":\"\",\"exp\":" + expiresAt.getEpochSecond()
        + ",\"iat\":" + issuedAt.getEpochSecond() + ",\"tokenConsumerType\":\"SELF\",\"webhookUrl\":\"\""
        + ",\"dhanClientId\":\"" + account.value() + "\"}";
    byte[] signature = new byte[32];
    RANDOM.nextBytes(signature);
    return encode(header) + "." + encode(payload) + ".FAKE" + HexFormat.of().formatHex(signature);
  }

  private static String encode(String json) {
    return BASE64_URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
