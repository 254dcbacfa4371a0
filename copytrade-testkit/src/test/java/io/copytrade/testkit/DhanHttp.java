package io.copytrade.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A plain OkHttp client calling the fake as a Dhan API client would, with one account's token. */
final class DhanHttp {
  static final OkHttpClient CLIENT = new OkHttpClient.Builder().retryOnConnectionFailure(false)
      .callTimeout(Duration.ofSeconds(10)).build();
  private static final MediaType JSON = MediaType.get("application/json");

  /** One answer; {@code json()} parses with Moshi, so numbers come back as doubles. */
  record Answer(int code, String body, String contentType) {
    Object json() {
      try {
        return new Moshi.Builder().build().adapter(Object.class).fromJson(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object() {
      return (Map<String, Object>) json();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> array() {
      return (List<Map<String, Object>>) json();
    }

    /** Asserts Dhan's trading error body. */
    void assertError(int status, String type, String code) {
      assertThat(code()).as(body).isEqualTo(status);
      assertThat(object()).containsOnlyKeys("errorType", "errorCode", "errorMessage")
          .containsEntry("errorType", type).containsEntry("errorCode", code);
    }
  }

  private final URI base;
  private final String clientId;
  private final String token;

  DhanHttp(URI base, String clientId, String token) {
    this.base = base;
    this.clientId = clientId;
    this.token = token;
  }

  static DhanHttp as(FakeDhan dhan, FakeAccount account) {
    return new DhanHttp(dhan.restBase(), account.id().value(), account.token());
  }

  Answer get(String path) {
    return call("GET", path, null);
  }

  Answer post(String path, String json) {
    return call("POST", path, json);
  }

  Answer put(String path, String json) {
    return call("PUT", path, json);
  }

  Answer delete(String path) {
    return call("DELETE", path, null);
  }

  /** Polls {@code GET orders/{id}} until the record matches; fails after two seconds. */
  Map<String, Object> awaitOrder(String orderId, Predicate<Map<String, Object>> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (true) {
      Map<String, Object> order = get("orders/" + orderId).object();
      if (condition.test(order)) return order;
      assertThat(System.nanoTime()).as("order %s never matched; last %s", orderId, order).isLessThan(deadline);
      sleep(5);
    }
  }

  Map<String, Object> awaitStatus(String orderId, String status) {
    return awaitOrder(orderId, o -> status.equals(o.get("orderStatus")));
  }

  Answer call(String method, String path, String json) {
    Request.Builder request = new Request.Builder()
        .url(path.isEmpty() ? base.toString() : base.resolve(path).toString())
        .header("client-id", clientId).header("Accept", "application/json")
        .method(method, json == null ? null : RequestBody.create(json, JSON));
    if (token != null) request.header("access-token", token);
    try (Response response = CLIENT.newCall(request.build()).execute()) {
      return new Answer(response.code(), response.body().string(), response.header("Content-Type", ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
