package dev.tether;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a field as a JSON document: {@code jsonb} on PostgreSQL, {@code JSON} on MariaDB, text on
 * SQLite. The field may hold anything Jackson maps (a {@code Map}, a {@code List}, a record, a
 * POJO, generic types included); Jackson 3 ({@code tools.jackson.core:jackson-databind}) must be on
 * the class path. Changes are found by value at flush: a map changed in place is written, an
 * unchanged value is not.
 *
 * <pre>{@code
 * @Json public Map<String, Object> settings = new HashMap<>();
 * @Json public List<Address> addresses;
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Json {}
