package dev.tether.mapping;

import dev.tether.mapping.MappingMessages.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's indexes, composite UNIQUE constraints and CHECK constraints as declared
 * ({@code @Index}, {@code @UniqueConstraint}, {@code @Check}, {@code @Column(index = true)}),
 * checked and resolved to column names and derived names. Plain names in, plain names out, so that
 * {@link ModelReader} (by reflection) and the annotation processor (from the compiler's elements)
 * find the same mistakes and word them the same way.
 */
public final class TableConstraints {
  private TableConstraints() {}

  /** What a declaration creates. */
  public enum Kind {
    /** {@code CREATE INDEX}. */
    INDEX("ix"),
    /** {@code CREATE UNIQUE INDEX}. */
    UNIQUE_INDEX("ix"),
    /** {@code CONSTRAINT ... UNIQUE (...)} in the table. */
    UNIQUE_CONSTRAINT("uq"),
    /** {@code CONSTRAINT ... CHECK (...)} in the table. */
    CHECK("ck");

    private final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }
  }

  /**
   * One declaration as written.
   *
   * @param columns field (or column) names, for every kind but {@code CHECK}
   * @param name the declared name, or {@code ""} to derive one
   * @param check the SQL condition of a {@code CHECK}, else {@code null}
   * @param onField for {@code @Column(index = true)}: the field it is written on, else {@code null}
   */
  public record Declared(
      Kind kind, List<String> columns, String name, String check, String onField) {
    /** How messages quote it: {@code @Index(columns = {"lastName", "firstName"})}. */
    public String written() {
      if (onField != null) {
        return "@Column(index = true) on " + onField;
      }
      String named = name.isEmpty() ? "" : ", name = \"" + name + "\"";
      if (kind == Kind.CHECK) {
        return "@Check(" + (named.isEmpty() ? "" : "value = ") + quote(check) + named + ")";
      }
      List<String> quoted = new ArrayList<>();
      columns.forEach(c -> quoted.add(quote(c)));
      return (kind == Kind.UNIQUE_CONSTRAINT ? "@UniqueConstraint" : "@Index")
          + "(columns = {"
          + String.join(", ", quoted)
          + "}"
          + (kind == Kind.UNIQUE_INDEX ? ", unique = true" : "")
          + named
          + ")";
    }
  }

  /** A column field of the model: its Java name and its column name. */
  public record Field(String field, String column) {}

  /**
   * A checked declaration.
   *
   * @param columns the SQL column names, in order (empty for a {@code CHECK})
   * @param name the declared or derived name, before a dialect shortens it
   */
  public record Resolved(Kind kind, List<String> columns, String name, String check) {
    /** Whether it is an index or a UNIQUE constraint (which databases back with an index). */
    public boolean isIndexed() {
      return kind != Kind.CHECK;
    }

    /** Whether it makes its columns unique together. */
    public boolean isUnique() {
      return kind == Kind.UNIQUE_INDEX || kind == Kind.UNIQUE_CONSTRAINT;
    }
  }

  /**
   * The outcome: every declaration resolved, or the first mistake and the declaration it is about.
   */
  public record Result(List<Resolved> resolved, Message mistake, Declared at) {}

  /** The referential actions of {@code @ForeignKey(onDelete, onUpdate)}. */
  static final List<String> REFERENTIAL_ACTIONS =
      List.of("CASCADE", "SET NULL", "RESTRICT", "NO ACTION", "SET DEFAULT");

  /** {@code " set_null"} → {@code "SET NULL"}: how an action is compared and written in DDL. */
  static String normalisedAction(String value) {
    return value.trim().replaceAll("[\\s_]+", " ").toUpperCase(Locale.ROOT);
  }

  /**
   * The mistake in a {@code @ForeignKey}'s {@code onDelete} or {@code onUpdate}, or null.
   *
   * @param where {@code Model.field}
   * @param attribute {@code onDelete} or {@code onUpdate}
   * @param nullable whether the column accepts NULL ({@code SET NULL} needs it)
   */
  public static Message actionMistake(
      String where, String attribute, String value, boolean nullable) {
    String action = normalisedAction(value);
    if (action.isEmpty()) {
      return null;
    }
    if (!REFERENTIAL_ACTIONS.contains(action)) {
      return ConstraintMessages.referentialAction(
          where, attribute, value, action, REFERENTIAL_ACTIONS);
    }
    return action.equals("SET NULL") && !nullable
        ? ConstraintMessages.referentialSetNullNotNull(where, attribute)
        : null;
  }

  /** Identifiers in a CHECK condition, outside quoted strings and quoted identifiers. */
  private static final Pattern TOKEN =
      Pattern.compile("'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|`[^`]*`|([A-Za-z_][A-Za-z0-9_]*)");

  /**
   * Checks {@code declared} against the model's column {@code fields} and resolves them.
   *
   * @param uniqueColumns columns declared {@code @Column(unique = true)}, already indexed
   */
  public static Result resolve(
      String model,
      String table,
      List<Field> fields,
      List<Declared> declared,
      Set<String> uniqueColumns) {
    List<Resolved> out = new ArrayList<>();
    Map<List<String>, Declared> byColumns = new HashMap<>();
    Map<String, Declared> byCondition = new HashMap<>();
    Map<String, Declared> byName = new HashMap<>();
    Set<String> derivedChecks = new LinkedHashSet<>();
    for (Declared d : declared) {
      Message mistake = null;
      List<String> columns = new ArrayList<>();
      String name = d.name().trim();
      if (d.kind() == Kind.CHECK) {
        mistake = checkCondition(model, d, fields, columns);
      } else {
        mistake = columns(model, d, fields, columns);
      }
      if (mistake == null && d.kind() != Kind.CHECK) {
        Declared same = byColumns.get(columns);
        if (same != null) {
          mistake = ConstraintMessages.constraintDuplicate(model, same.written(), d);
        } else if (columns.size() == 1 && uniqueColumns.contains(columns.get(0))) {
          if (d.onField() != null) {
            continue; // @Column(unique = true, index = true): the unique constraint is the index
          }
          mistake =
              ConstraintMessages.constraintDuplicate(
                  model, "@Column(unique = true) on " + fieldOf(model, fields, columns.get(0)), d);
        }
      }
      if (mistake == null && d.kind() == Kind.CHECK) {
        String condition = d.check().trim().replaceAll("\\s+", " ");
        Declared same = byCondition.get(condition);
        if (same != null) {
          mistake = ConstraintMessages.constraintDuplicate(model, same.written(), d);
        }
        byCondition.put(condition, d);
      }
      if (mistake != null) {
        return new Result(List.of(), mistake, d);
      }
      if (name.isEmpty()) {
        name =
            d.kind() == Kind.CHECK
                ? derivedCheckName(table, columns, derivedChecks)
                : d.kind().prefix + "_" + table + "_" + String.join("_", columns);
      }
      Declared taken = byName.putIfAbsent(name, d);
      if (taken != null) {
        return new Result(
            List.of(), ConstraintMessages.constraintNameTwice(model, name, taken, d), d);
      }
      if (d.kind() == Kind.CHECK) {
        out.add(new Resolved(d.kind(), List.of(), name, d.check().trim()));
      } else {
        byColumns.put(columns, d);
        out.add(new Resolved(d.kind(), List.copyOf(columns), name, null));
      }
    }
    return new Result(List.copyOf(out), null, null);
  }

  /** Resolves each name to a column; null, or the mistake. */
  private static Message columns(
      String model, Declared d, List<Field> fields, List<String> columns) {
    if (d.columns().isEmpty()) {
      return ConstraintMessages.constraintNoColumns(model, d, exampleFields(fields));
    }
    for (String written : d.columns()) {
      String column = columnOf(fields, written.trim());
      if (column == null) {
        List<String> names = new ArrayList<>();
        fields.forEach(f -> names.add(f.field()));
        return ConstraintMessages.constraintColumnUnknown(model, d, written, names);
      }
      if (columns.contains(column)) {
        return ConstraintMessages.constraintColumnTwice(model, d, written);
      }
      columns.add(column);
    }
    return null;
  }

  /** A field name first, then a column name; null when neither. */
  private static String columnOf(List<Field> fields, String name) {
    for (Field f : fields) {
      if (f.field().equals(name)) {
        return f.column();
      }
    }
    for (Field f : fields) {
      if (f.column().equals(name)) {
        return f.column();
      }
    }
    return null;
  }

  /** {@code Model.field} of a column. */
  private static String fieldOf(String model, List<Field> fields, String column) {
    for (Field f : fields) {
      if (f.column().equals(column)) {
        return model + "." + f.field();
      }
    }
    return column;
  }

  private static String exampleFields(List<Field> fields) {
    List<String> names = new ArrayList<>();
    for (Field f : fields) {
      if (names.size() < 2) {
        names.add(quote(f.field()));
      }
    }
    return String.join(", ", names);
  }

  /**
   * A CHECK condition is not blank and names columns, not Java fields: {@code unitPrice > 0} where
   * the column is {@code unit_price} would fail in the database at {@code createAll}. Collects the
   * columns it names (for the derived name).
   */
  private static Message checkCondition(
      String model, Declared d, List<Field> fields, List<String> columns) {
    if (d.check() == null || d.check().isBlank()) {
      return ConstraintMessages.checkBlank(model, d);
    }
    Map<String, String> byColumn = new HashMap<>();
    Map<String, String> byField = new HashMap<>();
    for (Field f : fields) {
      byColumn.put(f.column().toLowerCase(Locale.ROOT), f.column());
      byField.put(f.field(), f.column());
    }
    Matcher m = TOKEN.matcher(d.check());
    while (m.find()) {
      String word = m.group(1);
      if (word == null) {
        continue; // a quoted string or identifier
      }
      String column = byColumn.get(word.toLowerCase(Locale.ROOT));
      if (column != null) {
        if (!columns.contains(column)) {
          columns.add(column);
        }
      } else if (byField.containsKey(word)) {
        return ConstraintMessages.checkNamesField(model, d, word, byField.get(word));
      }
    }
    return null;
  }

  /** {@code ck_<table>_<columns>}; a second check over the same columns gets {@code _2}. */
  private static String derivedCheckName(String table, List<String> columns, Set<String> taken) {
    String base = "ck_" + table + (columns.isEmpty() ? "" : "_" + String.join("_", columns));
    String name = base;
    for (int n = 2; !taken.add(name); n++) {
      name = base + "_" + n;
    }
    return name;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
