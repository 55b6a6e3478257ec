/**
 * SQL rendering, the dialect contract, type mapping and JDBC execution, shared by every database.
 *
 * <p>May import the root API and {@code mapping}; never {@code attribute}, {@code query}, {@code
 * schema}, {@code session}, nor the dialect subpackages (only {@code session} chooses a dialect).
 */
package dev.tether.sql;
