package dev.tether.sql;

import dev.tether.DatabaseException;
import dev.tether.IntegrityException;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ColumnType;
import dev.tether.mapping.Metadata;
import dev.tether.mapping.TableConstraints;
import dev.tether.mapping.TableMapping;
import dev.tether.mapping.ValueErrors;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * What differs between databases: identifier quoting, SQL types, key generation, value binding and
 * error translation. The core asks capability questions ({@link #maxParameters()}, {@link
 * #supportsReturning()}) and never which database this is. One subclass per dialect package.
 */
public abstract class Dialect {
  /** The schema served, for {@link #uniqueConstraintOver}; set once by {@link #describe}. */
  private volatile Metadata metadata;

  /** {@code sqlite}, {@code postgresql} or {@code mariadb}. */
  public abstract String name();

  /** Quotes an identifier. */
  public String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /**
   * The tail of a SELECT that limits and skips rows, both bound as parameters ({@code LIMIT ?} then
   * {@code OFFSET ?}); empty when neither is wanted. Dialects that cannot skip without a limit
   * override it.
   */
  public String limitClause(boolean limit, boolean offset) {
    return (limit ? " LIMIT ?" : "") + (offset ? " OFFSET ?" : "");
  }

  /** Whether {@code ORDER BY x NULLS FIRST} / {@code NULLS LAST} is understood. */
  public boolean supportsNullsOrdering() {
    return true;
  }

  /**
   * Prepares {@code ps} to hand rows over {@code fetchSize} at a time instead of reading the whole
   * result into memory (the connection is in a transaction, as PostgreSQL requires for it).
   */
  public void streamResults(PreparedStatement ps, int fetchSize) throws SQLException {
    ps.setFetchSize(fetchSize);
  }

  /** Bound parameters allowed in one statement (the 16-bit limit of the wire protocols). */
  public int maxParameters() {
    return 65535;
  }

  /** Rows per multi-row INSERT. */
  public int insertRowsPerStatement() {
    return 1000;
  }

  /** The tail of an INSERT of a row that takes every column's default. */
  public String defaultValuesClause() {
    return " DEFAULT VALUES";
  }

  /** Whether {@code INSERT ... RETURNING} is available. */
  public boolean supportsReturning() {
    return true;
  }

  /**
   * Whether {@code UPDATE ... RETURNING} is available; where it is not, the values the database
   * wrote during an UPDATE are read with a SELECT after it.
   */
  public boolean supportsUpdateReturning() {
    return supportsReturning();
  }

  /**
   * Whether {@code RETURNING} reports the values the table's triggers wrote. PostgreSQL's and
   * MariaDB's {@code BEFORE} triggers set the new row's columns, which RETURNING sees; SQLite's
   * triggers can only write with an UPDATE of their own after the row, which it does not.
   */
  public boolean returningSeesTriggerWrites() {
    return true;
  }

  /** Whether a generated column may be {@code VIRTUAL} (computed when read, not stored). */
  public boolean supportsVirtualColumns() {
    return true;
  }

  /**
   * Whether the database has sequences ({@code CREATE SEQUENCE}, {@code nextval}); where it has
   * none, a model's {@code @Sequence} is ignored and its key generated as usual.
   */
  public boolean supportsSequences() {
    return false;
  }

  /**
   * A query that draws {@code ?} values from {@code sequence}, one per row, in one statement; only
   * asked when {@link #supportsSequences()}.
   */
  public String nextValuesSql(String sequence) {
    throw new UnsupportedOperationException(name() + " has no sequences");
  }

  /** The DEFAULT expression of a column that draws from {@code sequence}. */
  public String sequenceDefault(String sequence) {
    throw new UnsupportedOperationException(name() + " has no sequences");
  }

  /**
   * A query that returns the key this connection's last INSERT into {@code table} generated for
   * {@code column}, without parameters (for models whose keys may not come back through RETURNING).
   */
  public abstract String lastKeySql(String table, String column);

  /** {@code text} as an SQL string literal, for identifiers that a function takes as text. */
  protected static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** The SQL type of a column in DDL. */
  public abstract String sqlType(ColumnMapping column);

  /** The full definition of a generated integer primary key column (after its quoted name). */
  public abstract String generatedPrimaryKey(ColumnMapping column);

  /** Text after {@code CREATE TABLE (...)}, e.g. an engine clause. */
  public String tableOptions() {
    return "";
  }

  /** Statements that drop a table if it exists, whatever references it. */
  public List<String> dropTable(String table) {
    return List.of("DROP TABLE IF EXISTS " + quote(table));
  }

  /**
   * The longest identifier the database keeps, in UTF-8 bytes; {@link Integer#MAX_VALUE} when it
   * has no practical limit. Names Tether derives (constraints, indexes) are shortened to fit.
   */
  public int maxIdentifierLength() {
    return Integer.MAX_VALUE;
  }

  /**
   * {@code name} if the database keeps it whole; else its longest prefix that leaves room for
   * {@code _} and the eight hex digits of the full name's CRC-32, so that it fits (MariaDB refuses
   * longer names) and stays distinct (PostgreSQL would truncate two long names to the same one).
   * Every name Tether derives (constraints, indexes) goes through it.
   */
  public final String fitIdentifier(String name) {
    int max = maxIdentifierLength();
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= max) {
      return name;
    }
    CRC32 crc = new CRC32();
    crc.update(bytes);
    String suffix = String.format("_%08x", crc.getValue());
    int room = max - suffix.length();
    StringBuilder prefix = new StringBuilder();
    int used = 0;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + size > room) {
        break;
      }
      prefix.appendCodePoint(cp);
      used += size;
      i += Character.charCount(cp);
    }
    return prefix + suffix;
  }

  /** Whether foreign keys to tables created later can be added with ALTER TABLE. */
  public boolean addsForeignKeysLater() {
    return true;
  }

  /** Adjusts a JDBC URL (driver flags that Tether relies on). */
  public String adjustUrl(String url) {
    return url;
  }

  /**
   * Whether every session must share one connection for {@code url} (an in-memory database that
   * each new connection would see empty).
   */
  public boolean needsSharedConnection(String url) {
    return false;
  }

  /** The default size of the connection pool. */
  public int defaultPoolSize() {
    return 10;
  }

  /**
   * Whether {@code executeBatch} on {@code c} reports each statement's row count rather than {@code
   * SUCCESS_NO_INFO}. Optimistic locking needs the counts; where they are missing, versioned
   * statements run one at a time.
   */
  public boolean batchReportsRowCounts(Connection c) {
    return true;
  }

  /**
   * Whether the database itself rejects a string longer than its column's declared length ({@code
   * VARCHAR(n)}). Where it does not (SQLite), the schema adds a CHECK constraint per such column.
   */
  public boolean enforcesDeclaredLength() {
    return true;
  }

  /**
   * Begins a transaction on {@code c} (autocommit off). A dialect whose default transaction could
   * fail later, when it first writes, begins one that cannot (SQLite: {@code BEGIN IMMEDIATE}).
   */
  public void beginTransaction(Connection c) throws SQLException {
    c.setAutoCommit(false);
  }

  /**
   * Whether transactions can run at different isolation levels here; SQLite has one (serializable),
   * which is at least as strict as any level asked.
   */
  public boolean honoursIsolation() {
    return true;
  }

  /**
   * {@link #beginTransaction(Connection)} with an isolation level ({@code null}: the connection's)
   * and read-only or not. The default sends {@code SET TRANSACTION ...} as the transaction's first
   * statement when either is asked (PostgreSQL and MariaDB: it applies to this transaction only, so
   * nothing is left on a pooled connection); one round trip more, none when nothing is asked.
   */
  public void beginTransaction(Connection c, dev.tether.Isolation isolation, boolean readOnly)
      throws SQLException {
    beginTransaction(c);
    if (isolation == null && !readOnly) {
      return;
    }
    StringBuilder sql = new StringBuilder("SET TRANSACTION ");
    if (isolation != null) {
      sql.append("ISOLATION LEVEL ").append(isolation.sql());
    }
    if (readOnly) {
      sql.append(isolation != null ? ", " : "").append("READ ONLY");
    }
    runOnDriver(c, sql.toString());
  }

  /**
   * Undoes on {@code c} what a read-only {@link #beginTransaction(Connection, dev.tether.Isolation,
   * boolean)} left on the connection rather than the transaction, before it goes back to the pool.
   * Nothing by default ({@code SET TRANSACTION} ends with the transaction).
   */
  public void endReadOnlyTransaction(Connection c) throws SQLException {}

  /**
   * Runs {@code sql} on the driver's connection behind {@code c} (a pool's proxy, a wrapper that
   * counts or traces statements), as the driver sends its own BEGIN: setting up or ending a
   * transaction, not an application statement.
   */
  protected static void runOnDriver(Connection c, String sql) throws SQLException {
    Connection driver = c.unwrap(Connection.class);
    try (java.sql.Statement st = (driver != null ? driver : c).createStatement()) {
      st.execute(sql);
    }
  }

  /**
   * The query that reads, right after a COMMIT on the same connection, how far the primary's log
   * has come (a number that grows with every commit), or {@code null} when this database has no
   * streaming replicas Tether can read from. Read replicas are supported where this is not null.
   */
  public String commitPositionSql() {
    return null;
  }

  /**
   * The query that reads, on a replica, how far it has replayed the primary's log (the number
   * {@link #commitPositionSql} reads; SQL {@code NULL} on a server that is not a replica).
   */
  public String replayPositionSql() {
    return null;
  }

  /** Run on each new connection (pragmas, session settings). */
  public List<String> connectionInitSql() {
    return List.of();
  }

  /** Binds {@code value} of {@code type} to parameter {@code i}. */
  public void bind(PreparedStatement ps, int i, ColumnType type, Object value) throws SQLException {
    if (value == null) {
      ps.setNull(i, nullType(type));
      return;
    }
    switch (type) {
      case BYTE -> ps.setByte(i, ((Number) value).byteValue());
      case SHORT -> ps.setShort(i, ((Number) value).shortValue());
      case INTEGER -> ps.setInt(i, ((Number) value).intValue());
      case LONG -> ps.setLong(i, ((Number) value).longValue());
      case FLOAT -> ps.setFloat(i, (Float) value);
      case DOUBLE -> ps.setDouble(i, ((Number) value).doubleValue());
      case DECIMAL -> ps.setBigDecimal(i, (BigDecimal) value);
      case BOOLEAN -> ps.setBoolean(i, (Boolean) value);
      case CHAR -> ps.setString(i, String.valueOf((char) (Character) value));
      case STRING -> ps.setString(i, (String) value);
      case DATE -> ps.setObject(i, (LocalDate) value);
      case TIME -> bindTime(ps, i, (LocalTime) value);
      case DATETIME -> ps.setObject(i, (LocalDateTime) value);
      case OFFSET_DATETIME -> bindOffsetDateTime(ps, i, (OffsetDateTime) value);
      case INSTANT -> bindInstant(ps, i, (Instant) value);
      case DURATION -> ps.setLong(i, ((Duration) value).toNanos());
      case UUID -> ps.setString(i, ((UUID) value).toString());
      case ENUM -> bindEnum(ps, i, ((Enum<?>) value).name());
      case BYTES -> ps.setBytes(i, (byte[]) value);
      case JSON -> bindJson(ps, i, (String) value);
    }
  }

  /**
   * Reads column {@code i} as the column value of {@code column} (what its {@link
   * ColumnMapping#get} gives); a value that does not convert is a {@link
   * dev.tether.ValueConversionException} naming the model, field, column and value.
   */
  public Object read(ResultSet rs, int i, ColumnMapping column) throws SQLException {
    try {
      Object v = read(rs, i, column.type(), column.valueClass());
      return column.converted() ? column.normalize(v) : v;
    } catch (dev.tether.ValueConversionException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ValueErrors.read(column, rawValue(rs, i), column.valueClass(), e);
    } catch (SQLException e) {
      // the row is fetched: a getter that fails is the driver refusing to convert its value
      // (pgjdbc: "Cannot convert the column of type VARCHAR ..."), unless the connection is gone
      if (isConnectionFailure(e)) {
        throw e;
      }
      throw ValueErrors.read(column, rawValue(rs, i), column.valueClass(), e);
    }
  }

  /** The column's value as text, for an error message. */
  protected static Object rawValue(ResultSet rs, int i) {
    try {
      return rs.getString(i);
    } catch (SQLException | RuntimeException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /**
   * Reads column {@code i} as a value of {@code type}; {@code javaType} names the enum class of an
   * {@code ENUM} value (a computed column, such as an aggregate, has no mapping of its own) and
   * whether the field is primitive.
   */
  public Object read(ResultSet rs, int i, ColumnType type, Class<?> javaType) throws SQLException {
    return switch (type) {
      // SQL NULL reads as 0 / false, so only such a value can be NULL: wasNull(), a native call
      // per value on SQLite, runs for those alone, and never for a primitive field (which
      // reads NULL as 0, as ColumnMapping.set does)
      case INTEGER -> {
        int x = rs.getInt(i);
        yield x != 0 || javaType == int.class || !rs.wasNull() ? x : null;
      }
      case LONG -> {
        long x = rs.getLong(i);
        yield x != 0 || javaType == long.class || !rs.wasNull() ? x : null;
      }
      case STRING -> rs.getString(i);
      case BOOLEAN -> {
        boolean x = rs.getBoolean(i);
        yield x || javaType == boolean.class || !rs.wasNull() ? x : null;
      }
      case DOUBLE -> {
        double x = rs.getDouble(i);
        yield x != 0 || javaType == double.class || !rs.wasNull() ? x : null;
      }
      case BYTE -> {
        byte x = rs.getByte(i);
        yield x != 0 || javaType == byte.class || !rs.wasNull() ? x : null;
      }
      case SHORT -> {
        short x = rs.getShort(i);
        yield x != 0 || javaType == short.class || !rs.wasNull() ? x : null;
      }
      case FLOAT -> {
        float x = rs.getFloat(i);
        yield x != 0 || javaType == float.class || !rs.wasNull() ? x : null;
      }
      case CHAR -> {
        String s = rs.getString(i);
        yield s == null ? null : oneChar(s);
      }
      case DECIMAL -> readDecimal(rs, i);
      case DATE -> readDate(rs, i);
      case TIME -> readTime(rs, i);
      case DATETIME -> readDateTime(rs, i);
      case OFFSET_DATETIME -> readOffsetDateTime(rs, i);
      case INSTANT -> readInstant(rs, i);
      case DURATION -> {
        long x = rs.getLong(i);
        yield x != 0 || !rs.wasNull() ? Duration.ofNanos(x) : null;
      }
      case UUID -> readUuid(rs, i);
      case ENUM -> {
        String s = rs.getString(i);
        yield s == null ? null : enumValue(javaType, s);
      }
      case BYTES -> rs.getBytes(i);
      case JSON -> rs.getString(i);
    };
  }

  private static Character oneChar(String s) {
    if (s.length() != 1) {
      throw new IllegalArgumentException("a Character column holds exactly one character");
    }
    return s.charAt(0);
  }

  protected void bindInstant(PreparedStatement ps, int i, Instant value) throws SQLException {
    ps.setObject(i, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
  }

  protected Object readInstant(ResultSet rs, int i) throws SQLException {
    OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  protected void bindOffsetDateTime(PreparedStatement ps, int i, OffsetDateTime value)
      throws SQLException {
    ps.setObject(i, value);
  }

  protected Object readOffsetDateTime(ResultSet rs, int i) throws SQLException {
    return rs.getObject(i, OffsetDateTime.class);
  }

  protected void bindTime(PreparedStatement ps, int i, LocalTime value) throws SQLException {
    ps.setObject(i, value);
  }

  protected Object readTime(ResultSet rs, int i) throws SQLException {
    return rs.getObject(i, LocalTime.class);
  }

  /** Binds an enum constant's name (a text column, or the database's enum type). */
  protected void bindEnum(PreparedStatement ps, int i, String name) throws SQLException {
    ps.setString(i, name);
  }

  /** Binds JSON text to a JSON column. */
  protected void bindJson(PreparedStatement ps, int i, String json) throws SQLException {
    ps.setString(i, json);
  }

  protected Object readUuid(ResultSet rs, int i) throws SQLException {
    String s = rs.getString(i);
    return s == null ? null : UUID.fromString(s);
  }

  protected Object readDecimal(ResultSet rs, int i) throws SQLException {
    return rs.getBigDecimal(i);
  }

  protected Object readDate(ResultSet rs, int i) throws SQLException {
    return rs.getObject(i, LocalDate.class);
  }

  protected Object readDateTime(ResultSet rs, int i) throws SQLException {
    return rs.getObject(i, LocalDateTime.class);
  }

  /**
   * The database enum types that {@code createAll} creates before the tables, for the {@link
   * dev.tether.EnumStorage#NATIVE} columns (none where the column type itself lists the names).
   */
  public List<String> createEnumType(String name, List<String> labels) {
    return List.of();
  }

  /** Drops an enum type of {@link #createEnumType}, after the tables. */
  public List<String> dropEnumType(String name) {
    return List.of();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumValue(Class<?> type, String name) {
    return Enum.valueOf((Class) type, name);
  }

  private static int nullType(ColumnType type) {
    return switch (type) {
      case BYTE -> Types.TINYINT;
      case SHORT -> Types.SMALLINT;
      case INTEGER -> Types.INTEGER;
      case LONG, DURATION -> Types.BIGINT;
      case BOOLEAN -> Types.BOOLEAN;
      case FLOAT -> Types.REAL;
      case DOUBLE -> Types.DOUBLE;
      case DECIMAL -> Types.NUMERIC;
      case DATE -> Types.DATE;
      case TIME -> Types.TIME;
      case DATETIME -> Types.TIMESTAMP;
      case INSTANT, OFFSET_DATETIME -> Types.TIMESTAMP_WITH_TIMEZONE;
      case BYTES -> Types.VARBINARY;
      default -> Types.VARCHAR;
    };
  }

  /**
   * Whether {@code e} says the connection itself is gone (SQLSTATE class 08, or the driver's
   * connection exception types), so that nothing sent on it can have taken effect.
   */
  public boolean isConnectionFailure(SQLException e) {
    SQLException r = reported(e);
    String state = r.getSQLState();
    return r instanceof java.sql.SQLNonTransientConnectionException
        || r instanceof java.sql.SQLTransientConnectionException
        || (state != null && state.startsWith("08"));
  }

  /**
   * The driver exception that says what failed. A {@code BatchUpdateException} is only the driver's
   * wrapper around it: PostgreSQL's words the failed entry with every bound value ("Batch entry 1
   * UPDATE … ('…'::int4) … was aborted"), which a Tether message must not carry, and MariaDB's has
   * no SQLSTATE when the connection died (a lost connection then looked like any other failure and
   * was not retried). So are other exceptions without a SQLSTATE around one (as cause or next
   * exception). Follows such wrappers to the exception inside; {@code e} when there is none.
   */
  protected static SQLException reported(SQLException e) {
    SQLException r = e;
    for (int depth = 0;
        (r.getSQLState() == null || r instanceof java.sql.BatchUpdateException) && depth < 8;
        depth++) {
      SQLException inner =
          r.getCause() instanceof SQLException cause ? cause : r.getNextException();
      if (inner == null || inner == r) {
        break;
      }
      r = inner;
    }
    return r;
  }

  /**
   * Turns a driver exception into a typed one: {@link IntegrityException} for constraint violations
   * (naming the constraint or column when the message does), else {@link DatabaseException}. The
   * SQL is included; bound values never are.
   */
  public DatabaseException translate(SQLException e, String sql) {
    SQLException r = reported(e);
    String state = r.getSQLState();
    String message = r.getMessage() + (sql == null ? "" : " [SQL: " + sql + "]");
    if (isIntegrityViolation(r)) {
      return new IntegrityException(message, state, constraintOf(r.getMessage()), e);
    }
    if (state != null && state.startsWith("40")) {
      return new DatabaseException("serialization", message, state, e);
    }
    if (isLockContention(r)) {
      return new DatabaseException("busy", message, state, e);
    }
    if ("25006".equals(state)) { // read_only_sql_transaction: PostgreSQL, MariaDB, and any standby
      return new DatabaseException(
          "read-only-session",
          "A read-only session cannot write (its transaction is READ ONLY and may run on a"
              + " replica): "
              + message
              + ". Write in a session opened without TransactionOptions.readOnly().",
          state,
          e);
    }
    return new DatabaseException("database", message, state, e);
  }

  /**
   * Whether {@code e} says another connection held a lock for longer than the database waits (code
   * {@code busy}, retried like a serialization failure: nothing of the transaction took effect).
   */
  protected boolean isLockContention(SQLException e) {
    return false;
  }

  protected boolean isIntegrityViolation(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("23");
  }

  /**
   * Gives the dialect the schema it serves, so that an error that names only columns can be
   * reported with the constraint's name. Called once, by the engine, before any statement runs.
   */
  public final void describe(Metadata metadata) {
    this.metadata = metadata;
  }

  /**
   * The name (as created, shortened to fit) of the declared UNIQUE index or constraint of {@code
   * table} over exactly {@code columns}, or null: for databases whose errors list the columns of a
   * unique violation rather than its name (SQLite).
   */
  protected final String uniqueConstraintOver(String table, List<String> columns) {
    if (metadata == null) {
      return null;
    }
    for (TableMapping t : metadata.tablesInDependencyOrder()) {
      if (!t.name().equals(table)) {
        continue;
      }
      for (TableConstraints.Resolved c : t.constraints()) {
        if (c.isUnique() && Set.copyOf(c.columns()).equals(Set.copyOf(columns))) {
          return fitIdentifier(c.name());
        }
      }
    }
    return null;
  }

  /** The constraint or column named in a driver message, or null. */
  protected String constraintOf(String message) {
    String named = firstGroup(message, "constraint [\"`']([^\"`']+)[\"`']");
    return named != null ? named : firstGroup(message, "column \"([^\"]+)\"");
  }

  protected static String firstGroup(String text, String regex) {
    if (text == null) {
      return null;
    }
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? m.group(1) : null;
  }

  /** A connection's dialect-specific preparation after it is opened. */
  public void prepare(Connection c) throws SQLException {
    for (String sql : connectionInitSql()) {
      try (var st = c.createStatement()) {
        st.execute(sql);
      }
    }
  }
}
