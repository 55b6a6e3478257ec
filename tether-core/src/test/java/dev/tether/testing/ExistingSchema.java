package dev.tether.testing;

import dev.tether.Database;
import dev.tether.Registry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A database whose schema a test writes in SQL, as a user's existing schema (defaults, triggers,
 * rules) that Tether maps instead of creating: {@link #create} empties the test database and runs
 * the script, {@link #open} maps it without {@code createAll}, and {@link #execute} / {@link #rows}
 * reach it behind Tether's back, as another program would. On SQLite it is a temporary file (an
 * in-memory database is private to one connection); closing deletes it.
 */
public final class ExistingSchema implements AutoCloseable {
  private final String url;
  private final Path file;

  private ExistingSchema(String url, Path file) {
    this.url = url;
    this.file = file;
  }

  /** Empties {@code target}'s database and runs {@code script} on it, one statement per entry. */
  public static ExistingSchema create(TestDatabase target, List<String> script) {
    target.requireAvailable();
    Path file = null;
    String url;
    if (target.url().contains(":memory:")) {
      try {
        file = Files.createTempFile("tether-existing-", ".db");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      url = "jdbc:sqlite:" + file;
    } else {
      target.reset();
      url = target.url();
    }
    ExistingSchema schema = new ExistingSchema(url, file);
    script.forEach(schema::execute);
    return schema;
  }

  /** Tether on this schema, as it is ({@code createAll} is not run). The caller closes it. */
  public Database open(Registry registry) {
    return Database.open(url, registry);
  }

  /** Runs one statement on a connection of its own, committed at once. */
  public void execute(String sql) {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** The rows of a query, each value as the driver's {@code getString} reads it. */
  public List<List<String>> rows(String sql) {
    return PlainSql.rows(url, sql);
  }

  @Override
  public void close() {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(file + "-wal"));
        Files.deleteIfExists(Path.of(file + "-shm"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
