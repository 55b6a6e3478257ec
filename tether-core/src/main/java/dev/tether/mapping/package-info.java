/**
 * Reading the annotations of model classes into immutable metadata — tables, columns, types, keys,
 * relationships and their directions — and validating it, with the {@code MappingException} texts.
 *
 * <p>The lowest layer: imports only the root API ({@code dev.tether}); never JDBC ({@code
 * java.sql}, {@code javax.sql}) or any other Tether package.
 */
package dev.tether.mapping;
