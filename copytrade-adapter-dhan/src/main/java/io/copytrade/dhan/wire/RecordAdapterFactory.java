package io.copytrade.dhan.wire;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * JSON for records, which Moshi's own record adapter supports only when they are public; ours are
 * package-private by rule. Components are named by {@link Json} or by their own name; unknown keys are
 * skipped, absent keys read as null, a key given twice with different values is an error, and null
 * components are left out when writing.
 */
public final class RecordAdapterFactory implements JsonAdapter.Factory {
  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty() || !(type instanceof Class<?> raw) || !raw.isRecord()) return null;
    RecordComponent[] components = raw.getRecordComponents();
    String[] names = new String[components.length];
    Method[] accessors = new Method[components.length];
    JsonAdapter<?>[] adapters = new JsonAdapter<?>[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      Json json = component.getAnnotation(Json.class);
      names[i] = json == null ? component.getName() : json.name();
      accessors[i] = component.getAccessor();
      accessors[i].setAccessible(true);
      adapters[i] = moshi.adapter(component.getGenericType());
      types[i] = component.getType();
    }
    try {
      Constructor<?> constructor = raw.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return new RecordAdapter(constructor, names, accessors, adapters, types).nullSafe();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("a record always has its canonical constructor: " + raw, e);
    }
  }

  private static final class RecordAdapter extends JsonAdapter<Object> {
    private final Constructor<?> constructor;
    private final String[] names;
    private final Method[] accessors;
    private final JsonAdapter<?>[] adapters;
    private final Class<?>[] types;
    private final JsonReader.Options options;

    RecordAdapter(Constructor<?> constructor, String[] names, Method[] accessors, JsonAdapter<?>[] adapters,
        Class<?>[] types) {
      this.constructor = constructor;
      this.names = names;
      this.accessors = accessors;
      this.adapters = adapters;
      this.types = types;
      this.options = JsonReader.Options.of(names);
    }

    @Override
    public Object fromJson(JsonReader reader) throws IOException {
      Object[] values = new Object[names.length];
      boolean[] seen = new boolean[names.length];
      reader.beginObject();
      while (reader.hasNext()) {
        int index = reader.selectName(options);
        if (index < 0) {
          reader.skipName();
          reader.skipValue();
          continue;
        }
        Object value = adapters[index].fromJson(reader);
        // Which of two different values is meant would be a guess; a repeat of the same value is harmless.
        if (seen[index] && !Objects.equals(values[index], value)) {
          throw new JsonDataException("'" + names[index] + "' appears twice with different values at "
              + reader.getPath());
        }
        seen[index] = true;
        values[index] = value;
      }
      reader.endObject();
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null && types[i].isPrimitive()) {
          throw new JsonDataException("Required value '" + names[i] + "' missing at " + reader.getPath());
        }
      }
      try {
        return constructor.newInstance(values);
      } catch (InvocationTargetException e) {
        throw new JsonDataException("cannot build " + constructor.getDeclaringClass().getSimpleName() + ": "
            + e.getCause().getMessage(), e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, Object value) throws IOException {
      writer.beginObject();
      for (int i = 0; i < names.length; i++) {
        writer.name(names[i]);
        write(writer, adapters[i], component(value, i));
      }
      writer.endObject();
    }

    private Object component(Object record, int index) {
      try {
        return accessors[index].invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    @SuppressWarnings("unchecked")
    private static <T> void write(JsonWriter writer, JsonAdapter<T> adapter, Object value) throws IOException {
      adapter.toJson(writer, (T) value);
    }

    @Override
    public String toString() {
      return "JsonAdapter(" + constructor.getDeclaringClass().getSimpleName() + ") of " + Arrays.toString(names);
    }
  }
}
