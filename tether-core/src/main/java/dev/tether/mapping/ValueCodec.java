package dev.tether.mapping;

import dev.tether.ColumnConverter;

/**
 * How a field's value becomes its column's value and back, for a field whose type is not itself a
 * column type: a user's {@link ColumnConverter}, an enum stored by ordinal, a JSON document. {@link
 * ColumnMapping} composes it into the field's get and set handles, so every layer above the mapping
 * (snapshots, dirty checks, binding, the identity map) sees column values only, and a column
 * without a codec pays nothing. Neither direction sees {@code null}.
 */
abstract class ValueCodec {
  /** The column value of a field value. */
  abstract Object toColumn(Object fieldValue);

  /** The field value of a column value. */
  abstract Object fromColumn(Object columnValue);

  /**
   * A column value as the database returned it, made equal to what {@link #toColumn} writes for the
   * same field value, so that a loaded row's snapshot matches an unchanged field.
   */
  Object normalize(Object columnValue) {
    return columnValue;
  }

  /** What converts, for messages: {@code MoneyConverter}, {@code JSON}. */
  abstract String describe();

  /** A user's converter. */
  static final class Converter extends ValueCodec {
    private final ColumnConverter<Object, Object> converter;

    @SuppressWarnings("unchecked")
    Converter(ColumnConverter<?, ?> converter) {
      this.converter = (ColumnConverter<Object, Object>) converter;
    }

    @Override
    Object toColumn(Object fieldValue) {
      return converter.toColumn(fieldValue);
    }

    @Override
    Object fromColumn(Object columnValue) {
      return converter.fromColumn(columnValue);
    }

    @Override
    String describe() {
      return converter.getClass().getSimpleName();
    }
  }

  /** An enum stored as its {@code ordinal()}. */
  static final class Ordinal extends ValueCodec {
    private final Object[] constants;

    Ordinal(Class<?> enumType) {
      this.constants = enumType.getEnumConstants();
    }

    @Override
    Object toColumn(Object fieldValue) {
      return ((Enum<?>) fieldValue).ordinal();
    }

    @Override
    Object fromColumn(Object columnValue) {
      int i = (Integer) columnValue;
      if (i < 0 || i >= constants.length) {
        throw new IllegalArgumentException(
            "no constant has ordinal " + i + " (there are " + constants.length + ")");
      }
      return constants[i];
    }

    @Override
    String describe() {
      return "EnumStorage.ORDINAL";
    }
  }
}
