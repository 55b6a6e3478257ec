package dev.tether.testing;

import java.util.List;

/**
 * SQL as the tests write it: identifiers without quotes, so that one expected text holds for every
 * dialect ({@code "t"} on SQLite and PostgreSQL, {@code `t`} on MariaDB).
 *
 * <pre>{@code
 * assertThat(SqlText.plain(sql.statements()))
 *     .containsExactly("INSERT INTO tag (name) VALUES (?) RETURNING id");
 * }</pre>
 */
public final class SqlText {
  private SqlText() {}

  /** {@code sql} with every identifier quote removed. */
  public static String plain(String sql) {
    return sql.replace("\"", "").replace("`", "");
  }

  /** {@link #plain(String)} of each statement. */
  public static List<String> plain(List<String> statements) {
    return statements.stream().map(SqlText::plain).toList();
  }
}
