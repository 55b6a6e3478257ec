package dev.tether.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Where a column field sits, for {@link ModelReader} to read it: a model's own field, or a
 * component of an embedded value ({@link EmbeddedReader}).
 *
 * @param where how messages name the field ({@code Child.name}, {@code Address.city})
 * @param fieldName the column's field name in the model ({@code name}, {@code home.city})
 * @param prefix what the column name starts with ({@code home_}; {@code ""} for a model's field)
 * @param alwaysNullable whether the column is nullable whatever the field declares (a component of
 *     an embedded value that may be null)
 * @param handle the field of a model, or null when {@code getter} and {@code setter} reach it
 * @param getter {@code (Object owner)Object}, or null for a model's field
 * @param setter {@code (Object owner, Object value)void}, or null for a model's field
 */
record ColumnSite(
    String where,
    String fieldName,
    String prefix,
    boolean alwaysNullable,
    VarHandle handle,
    MethodHandle getter,
    MethodHandle setter) {}
