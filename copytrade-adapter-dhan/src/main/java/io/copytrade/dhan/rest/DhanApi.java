package io.copytrade.dhan.rest;

import java.util.List;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.HeaderMap;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;

/** Dhan's REST paths, relative to the base URL ending in {@code /v2/}. Every call carries the account headers. */
interface DhanApi {
  @POST("orders")
  Call<OrderAckJson> place(@HeaderMap Map<String, String> headers, @Body PlaceOrderJson body);

  @PUT("orders/{orderId}")
  Call<OrderAckJson> modify(
      @HeaderMap Map<String, String> headers, @Path("orderId") String orderId, @Body ModifyOrderJson body);

  @DELETE("orders/{orderId}")
  Call<OrderAckJson> cancel(@HeaderMap Map<String, String> headers, @Path("orderId") String orderId);

  @GET("orders")
  Call<List<OrderJson>> orders(@HeaderMap Map<String, String> headers);

  @GET("orders/{orderId}")
  Call<OrderLookupJson> order(@HeaderMap Map<String, String> headers, @Path("orderId") String orderId);

  @GET("orders/external/{correlationId}")
  Call<OrderLookupJson> orderByCorrelationId(
      @HeaderMap Map<String, String> headers, @Path("correlationId") String correlationId);

  @GET("trades")
  Call<List<TradeJson>> trades(@HeaderMap Map<String, String> headers);

  @GET("positions")
  Call<List<PositionJson>> positions(@HeaderMap Map<String, String> headers);

  @GET("fundlimit")
  Call<FundLimitJson> fundLimit(@HeaderMap Map<String, String> headers);

  /** The SDK also sends the client id as a {@code dhanClientId} header here. */
  @GET("profile")
  Call<ProfileJson> profile(@HeaderMap Map<String, String> headers, @Header("dhanClientId") String clientId);

  @POST("margincalculator")
  Call<MarginJson> margin(@HeaderMap Map<String, String> headers, @Body MarginRequestJson body);
}
