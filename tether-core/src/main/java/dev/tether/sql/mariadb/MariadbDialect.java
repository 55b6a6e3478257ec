package dev.tether.sql.mariadb;

import dev.tether.EnumStorage;
import dev.tether.mapping.ColumnMapping;
import dev.tether.sql.Dialect;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * MariaDB (10.7+: {@code INSERT ... RETURNING} and the native {@code UUID} type) through MariaDB
 * Connector/J (MySQL is refused by the engine). Instants and offset date-times are stored in UTC as
 * {@code DATETIME(6)}; unbounded strings that take part in keys or indexes become {@code
 * VARCHAR(255)}.
 */
public final class MariadbDialect extends Dialect {
  /**
   * Connector/J's bulk protocol ({@code useBulkStmts=true}, off by default in 3.5) answers {@code
   * SUCCESS_NO_INFO} for every statement of a batch; the text protocol reports real counts.
   */
  @Override
  public boolean batchReportsRowCounts(Connection c) {
    try {
      String url = c.getMetaData().getURL();
      return url != null && !url.toLowerCase(Locale.ROOT).contains("usebulkstmts=true");
    } catch (SQLException e) {
      return false; // unknown: the caller runs one statement per row, which is always exact
    }
  }

  @Override
  public String name() {
    return "mariadb";
  }

  @Override
  public String quote(String identifier) {
    return '`' + identifier.replace("`", "``") + '`';
  }

  /** MariaDB needs a LIMIT before OFFSET; the largest unsigned BIGINT means none. */
  @Override
  public String limitClause(boolean limit, boolean offset) {
    return offset && !limit
        ? " LIMIT 18446744073709551615 OFFSET ?"
        : super.limitClause(limit, offset);
  }

  /** MariaDB has no NULLS FIRST / NULLS LAST; the query layer sorts on {@code IS NULL} first. */
  @Override
  public boolean supportsNullsOrdering() {
    return false;
  }

  /** Longer names are refused ("Identifier name ... is too long"). */
  @Override
  public int maxIdentifierLength() {
    return 64;
  }

  /** MariaDB has {@code INSERT ... RETURNING} (10.5) but no {@code UPDATE ... RETURNING}. */
  @Override
  public boolean supportsUpdateReturning() {
    return false;
  }

  @Override
  public String defaultValuesClause() {
    return " () VALUES ()";
  }

  @Override
  public String sqlType(ColumnMapping c) {
    return switch (c.type()) {
      case BYTE -> "TINYINT";
      case SHORT -> "SMALLINT";
      case INTEGER -> "INT";
      case LONG, DURATION -> "BIGINT";
      case FLOAT -> "FLOAT";
      case CHAR -> "CHAR(1)";
      case TIME -> "TIME(6)";
      case JSON -> "JSON";
      case STRING -> {
        if (c.length() > 0) {
          yield "VARCHAR(" + c.length() + ")";
        }
        yield c.indexed() ? "VARCHAR(255)" : "LONGTEXT";
      }
      case BOOLEAN -> "BOOLEAN";
      case DOUBLE -> "DOUBLE";
      case DECIMAL ->
          c.precision() > 0 ? "DECIMAL(" + c.precision() + "," + c.scale() + ")" : "DECIMAL(65,30)";
      case DATE -> "DATE";
      case DATETIME, OFFSET_DATETIME, INSTANT -> "DATETIME(6)";
      case UUID -> "UUID";
      case ENUM -> c.enumStorage() == EnumStorage.NATIVE ? enumType(c) : "VARCHAR(255)";
      case BYTES -> "LONGBLOB";
    };
  }

  /** {@code ENUM('RED','GREEN')}: MariaDB's enum is a column type, not a named one. */
  private static String enumType(ColumnMapping c) {
    StringJoiner values = new StringJoiner(",", "ENUM(", ")");
    c.enumLabels().forEach(l -> values.add("'" + l.replace("'", "''") + "'"));
    return values.toString();
  }

  /** MariaDB 10.3 and later. */
  @Override
  public boolean supportsSequences() {
    return true;
  }

  /** A recursive row source of {@code ?} rows; NEXTVAL is evaluated once per row. */
  @Override
  public String nextValuesSql(String sequence) {
    return "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
        + " SELECT NEXTVAL("
        + quote(sequence)
        + ") FROM n";
  }

  @Override
  public String sequenceDefault(String sequence) {
    return "NEXTVAL(" + quote(sequence) + ")";
  }

  @Override
  public String lastKeySql(String table, String column) {
    return "SELECT LAST_INSERT_ID()";
  }

  @Override
  public String generatedPrimaryKey(ColumnMapping c) {
    return sqlType(c) + " NOT NULL AUTO_INCREMENT PRIMARY KEY";
  }

  @Override
  public String tableOptions() {
    return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
  }

  @Override
  public List<String> dropTable(String table) {
    return List.of(
        "SET FOREIGN_KEY_CHECKS = 0",
        "DROP TABLE IF EXISTS " + quote(table),
        "SET FOREIGN_KEY_CHECKS = 1");
  }

  @Override
  protected void bindInstant(PreparedStatement ps, int i, Instant value) throws SQLException {
    ps.setObject(i, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
  }

  @Override
  protected Object readInstant(ResultSet rs, int i) throws SQLException {
    LocalDateTime t = rs.getObject(i, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  /** Offset date-times are stored in UTC like instants, and read back at offset UTC. */
  @Override
  protected void bindOffsetDateTime(PreparedStatement ps, int i, OffsetDateTime value)
      throws SQLException {
    ps.setObject(i, value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
  }

  @Override
  protected Object readOffsetDateTime(ResultSet rs, int i) throws SQLException {
    LocalDateTime t = rs.getObject(i, LocalDateTime.class);
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  /** DECIMAL(65,30) pads 30 fraction digits; hand back the value without the padding zeros. */
  @Override
  protected Object readDecimal(ResultSet rs, int i) throws SQLException {
    BigDecimal d = rs.getBigDecimal(i);
    if (d == null) {
      return null;
    }
    BigDecimal stripped = d.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  @Override
  protected String constraintOf(String message) {
    String fk = firstGroup(message, "CONSTRAINT `([^`]+)`");
    if (fk != null) {
      return fk;
    }
    String key = firstGroup(message, "for key '([^']+)'");
    if (key != null) {
      return key;
    }
    return firstGroup(message, "Column '([^']+)' cannot be null");
  }
}
