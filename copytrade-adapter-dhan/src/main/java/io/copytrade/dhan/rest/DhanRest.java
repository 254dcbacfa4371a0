package io.copytrade.dhan.rest;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.copytrade.dhan.wire.DecimalAdapter;
import io.copytrade.dhan.wire.RecordAdapterFactory;
import io.copytrade.ports.broker.BrokerAccount;
import io.copytrade.ports.broker.Credentials;
import java.math.BigDecimal;
import java.net.URI;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Dhan's REST API over a caller-owned OkHttp client. The client must not retry or follow redirects: an
 * order write sent twice could place twice.
 */
public final class DhanRest {
  private final DhanApi api;
  private final JsonAdapter<ErrorJson> errors;

  /** {@code base} ends in {@code /v2/}. */
  public DhanRest(URI base, OkHttpClient client) {
    Moshi moshi = new Moshi.Builder()
        .add(BigDecimal.class, new DecimalAdapter())
        .add(new OrderLookupAdapter())
        .add(new RecordAdapterFactory())
        .build();
    this.api = new Retrofit.Builder()
        .baseUrl(HttpUrl.get(base))
        .client(client)
        .addConverterFactory(MoshiConverterFactory.create(moshi))
        .build()
        .create(DhanApi.class);
    this.errors = moshi.adapter(ErrorJson.class);
  }

  public BrokerAccount account(Credentials credentials) {
    return new RestAccount(api, errors, credentials);
  }
}
