package io.copytrade.dhan.rest;

import com.squareup.moshi.FromJson;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@link OrderLookupJson} from either shape Dhan uses. */
final class OrderLookupAdapter {
  @FromJson
  OrderLookupJson fromJson(JsonReader reader, JsonAdapter<OrderJson> order) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) return new OrderLookupJson(List.of(order.fromJson(reader)));
    List<OrderJson> orders = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) orders.add(order.fromJson(reader));
    reader.endArray();
    return new OrderLookupJson(orders);
  }
}
