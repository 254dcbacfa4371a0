package io.copytrade.sqlite;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizerFactory;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizingAnnotation;
import org.jdbi.v3.sqlobject.customizer.SqlStatementParameterCustomizer;

/**
 * Binds each component of a row record as a named parameter ({@code :pricePaise}), typed by the component so
 * a null binds as NULL of its type. JDBI's {@code @BindMethods} reads public types only, and the rows are
 * package-private. In a batch it binds each element.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@SqlStatementCustomizingAnnotation(BindRow.Factory.class)
@interface BindRow {

  final class Factory implements SqlStatementCustomizerFactory {
    @Override
    public SqlStatementParameterCustomizer createForParameter(Annotation annotation, Class<?> sqlObjectType,
        Method method, Parameter param, int index, Type paramType) {
      return (statement, row) -> {
        for (RecordComponent component : row.getClass().getRecordComponents()) {
          statement.bindByType(component.getName(), valueOf(component, row), component.getGenericType());
        }
      };
    }

    private static Object valueOf(RecordComponent component, Object row) {
      try {
        return component.getAccessor().invoke(row);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + component + " of " + row.getClass(), e);
      }
    }
  }
}
