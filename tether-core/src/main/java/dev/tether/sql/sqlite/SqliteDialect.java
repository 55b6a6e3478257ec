package dev.tether.sql.sqlite;

import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ColumnType;
import dev.tether.sql.Dialect;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * SQLite (the embedded default, through xerial sqlite-jdbc). Dates and times are stored as text in
 * the form SQLite's own functions write, so that values written by Tether and by the database sort
 * together ({@link SqliteTime}); decimals as text so they stay exact; foreign keys are switched on
 * for every connection.
 */
public final class SqliteDialect extends Dialect {
  private static final ZoneOffset UTC = ZoneOffset.UTC;
  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public int maxParameters() {
    return 32766;
  }

  /** SQLite needs a LIMIT before OFFSET; -1 means none. */
  @Override
  public String limitClause(boolean limit, boolean offset) {
    return offset && !limit ? " LIMIT -1 OFFSET ?" : super.limitClause(limit, offset);
  }

  /**
   * A SQLite trigger writes a row with an UPDATE of its own after the row, which the statement's
   * RETURNING does not report (SQLite's BEFORE triggers cannot change the new row).
   */
  @Override
  public boolean returningSeesTriggerWrites() {
    return false;
  }

  @Override
  public int insertRowsPerStatement() {
    return 100;
  }

  @Override
  public String sqlType(ColumnMapping c) {
    return switch (c.type()) {
      case BYTE, SHORT, INTEGER, LONG, BOOLEAN, DURATION -> "INTEGER";
      case FLOAT, DOUBLE -> "REAL";
      // NUMERIC affinity keeps 15 significant digits exactly and sorts by value; wider or
      // unbounded decimals stay text, exact but sorted as text
      case DECIMAL ->
          c.precision() > 0 && c.precision() <= 15
              ? "DECIMAL(" + c.precision() + "," + c.scale() + ")"
              : "TEXT";
      case BYTES -> "BLOB";
      case STRING -> c.length() > 0 ? "VARCHAR(" + c.length() + ")" : "TEXT";
      default -> "TEXT";
    };
  }

  /**
   * {@code last_insert_rowid()} only when the INSERT itself wrote one row: an INSERT into a view
   * that an INSTEAD OF trigger routes elsewhere changes no row of its own ({@code changes()} is 0)
   * and leaves the rowid of an earlier INSERT, which must not be taken for the new row's key.
   */
  @Override
  public String lastKeySql(String table, String column) {
    return "SELECT CASE WHEN changes() = 1 THEN last_insert_rowid() END";
  }

  @Override
  public String generatedPrimaryKey(ColumnMapping c) {
    return "INTEGER PRIMARY KEY";
  }

  @Override
  public boolean addsForeignKeysLater() {
    return false;
  }

  @Override
  public boolean needsSharedConnection(String url) {
    return url.contains(":memory:") || url.contains("mode=memory");
  }

  /** SQLite writes one transaction at a time; a few connections serve concurrent readers. */
  @Override
  public int defaultPoolSize() {
    return 4;
  }

  /** SQLite does not check {@code VARCHAR(n)}; the schema adds a CHECK on {@code length}. */
  @Override
  public boolean enforcesDeclaredLength() {
    return false;
  }

  @Override
  public boolean honoursIsolation() {
    return false;
  }

  /**
   * SQLite runs every transaction serializable, so {@code isolation} changes nothing. A read-only
   * transaction keeps the driver's deferred {@code BEGIN} (it takes no write lock, so it neither
   * waits for nor blocks writers under WAL) and sets {@code PRAGMA query_only}, which makes any
   * write fail; {@link #endReadOnlyTransaction} clears it.
   */
  @Override
  public void beginTransaction(Connection c, dev.tether.Isolation isolation, boolean readOnly)
      throws SQLException {
    if (!readOnly) {
      beginTransaction(c);
      return;
    }
    c.setAutoCommit(false);
    runOnDriver(c, "PRAGMA query_only = 1");
  }

  @Override
  public void endReadOnlyTransaction(Connection c) throws SQLException {
    runOnDriver(c, "PRAGMA query_only = 0");
  }

  /**
   * {@code BEGIN IMMEDIATE}: takes the write lock at the start, waiting up to the busy timeout. A
   * deferred transaction that has read and then writes while another connection writes fails at
   * once with {@code SQLITE_BUSY} (SQLite cannot wait there: the snapshot it read may be stale), so
   * a session that reads then writes would fail under any concurrency. The cost: write transactions
   * on one database run one at a time (read-only ones begin deferred, above).
   *
   * <p>The driver issues a deferred {@code BEGIN} when autocommit goes off (and again after each
   * COMMIT, which must stay cheap); that empty transaction, which has taken no lock and read
   * nothing, is replaced by an immediate one. If the lock is not had in time, a deferred one is
   * left open again, as the driver expects, and the pool's switch back to autocommit ends it.
   */
  @Override
  public void beginTransaction(Connection c) throws SQLException {
    if (!c.getAutoCommit()) {
      // the one shared connection of an in-memory database, whose transaction the driver keeps
      // open between sessions (and may be another session's): no other connection to wait for
      return;
    }
    c.setAutoCommit(false);
    // on the driver's connection, as the driver's own BEGIN is sent: part of beginning, not
    // application statements for wrappers that count or trace them
    Connection driver = c.unwrap(Connection.class);
    try (Statement st = (driver != null ? driver : c).createStatement()) {
      st.execute("COMMIT");
      try {
        st.execute("BEGIN IMMEDIATE");
      } catch (SQLException busy) {
        try {
          st.execute("BEGIN");
        } catch (SQLException again) {
          busy.addSuppressed(again);
        }
        throw busy;
      }
    }
  }

  /** {@code SQLITE_BUSY} or {@code SQLITE_LOCKED}, extended codes included, after the timeout. */
  @Override
  protected boolean isLockContention(SQLException e) {
    int primary = e.getErrorCode() & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
  }

  /** Foreign keys on, a busy timeout, and WAL for files (faster, readers never block). */
  @Override
  public String adjustUrl(String url) {
    if (needsSharedConnection(url) || url.contains("foreign_keys")) {
      return url;
    }
    return url
        + (url.contains("?") ? "&" : "?")
        + "foreign_keys=true&busy_timeout=10000&journal_mode=WAL&synchronous=NORMAL";
  }

  @Override
  public List<String> connectionInitSql() {
    return List.of("PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000");
  }

  @Override
  public void bind(PreparedStatement ps, int i, ColumnType type, Object value) throws SQLException {
    if (value == null) {
      super.bind(ps, i, type, null);
      return;
    }
    switch (type) {
      case DECIMAL -> ps.setString(i, ((BigDecimal) value).toPlainString());
      case DATE -> ps.setString(i, value.toString());
      case TIME -> ps.setString(i, SqliteTime.format((LocalTime) value));
      case DATETIME -> ps.setString(i, SqliteTime.format((LocalDateTime) value));
      case OFFSET_DATETIME ->
          ps.setString(
              i,
              SqliteTime.format(
                  ((OffsetDateTime) value)
                      .withOffsetSameInstant(ZoneOffset.UTC)
                      .toLocalDateTime()));
      case INSTANT ->
          ps.setString(i, SqliteTime.format(LocalDateTime.ofInstant((Instant) value, UTC)));
      default -> super.bind(ps, i, type, value);
    }
  }

  @Override
  protected Object readDecimal(ResultSet rs, int i) throws SQLException {
    String s = rs.getString(i);
    return s == null ? null : new BigDecimal(s);
  }

  @Override
  protected Object readDate(ResultSet rs, int i) throws SQLException {
    String s = rs.getString(i);
    if (s == null) {
      return null;
    }
    // date('now') writes the date alone; a date-time text's date is the date
    return s.length() == 10 ? LocalDate.parse(s) : SqliteTime.parseDateTime(s).toLocalDate();
  }

  @Override
  protected Object readTime(ResultSet rs, int i) throws SQLException {
    String s = rs.getString(i);
    return s == null ? null : SqliteTime.parseTime(s);
  }

  @Override
  protected Object readDateTime(ResultSet rs, int i) throws SQLException {
    String s = rs.getString(i);
    return s == null ? null : SqliteTime.parseDateTime(s);
  }

  @Override
  protected Object readOffsetDateTime(ResultSet rs, int i) throws SQLException {
    String s = rs.getString(i);
    return s == null ? null : SqliteTime.parseDateTime(s).atOffset(ZoneOffset.UTC);
  }

  @Override
  protected Object readInstant(ResultSet rs, int i) throws SQLException {
    String s = rs.getString(i);
    return s == null ? null : SqliteTime.parseDateTime(s).toInstant(ZoneOffset.UTC);
  }

  @Override
  protected boolean isIntegrityViolation(SQLException e) {
    String m = e.getMessage();
    return m != null && (m.contains("SQLITE_CONSTRAINT") || m.contains("constraint failed"));
  }

  /**
   * A CHECK violation names its constraint ({@code CHECK constraint failed: ck_product_price}); a
   * UNIQUE violation lists its columns ({@code UNIQUE constraint failed: line.order_id,
   * line.position}), which name a declared constraint when one covers exactly those columns.
   */
  @Override
  protected String constraintOf(String message) {
    String named = firstGroup(message, "constraint failed: ([A-Za-z0-9_.,\\s]+?)\\)");
    if (named != null) {
      String found = named.trim();
      String columns = firstGroup(message, "UNIQUE constraint failed: ([A-Za-z0-9_.,\\s]+?)\\)");
      if (columns != null) {
        List<String> names = new java.util.ArrayList<>();
        String table = null;
        for (String qualified : columns.split(",")) {
          String q = qualified.trim();
          int dot = q.lastIndexOf('.');
          table = q.substring(0, Math.max(dot, 0));
          names.add(q.substring(dot + 1));
        }
        String constraint = uniqueConstraintOver(table, names);
        return constraint != null ? constraint : found;
      }
      return found;
    }
    return message != null && message.contains("FOREIGN KEY") ? "FOREIGN KEY" : null;
  }
}
