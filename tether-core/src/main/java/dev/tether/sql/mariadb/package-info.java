/**
 * The MariaDB (10.7+) dialect.
 *
 * <p>A leaf: may import only the root API, {@code mapping} and {@code sql}; never another dialect.
 */
package dev.tether.sql.mariadb;
