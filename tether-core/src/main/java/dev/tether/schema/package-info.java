/**
 * DDL: creating and dropping the tables, keys and indexes that the metadata describes.
 *
 * <p>May import the root API, {@code mapping}, {@code attribute}, {@code sql} and {@code query};
 * never {@code session} or a dialect package.
 */
package dev.tether.schema;
