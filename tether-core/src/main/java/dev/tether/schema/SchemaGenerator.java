package dev.tether.schema;

import dev.tether.EnumStorage;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ColumnType;
import dev.tether.mapping.DatabaseValues;
import dev.tether.mapping.Metadata;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.TableConstraints;
import dev.tether.mapping.TableMapping;
import dev.tether.sql.Dialect;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Renders the DDL for a registry's tables: {@code CREATE TABLE IF NOT EXISTS} in foreign-key order
 * with primary key, NOT NULL, DEFAULT, generated ({@code GENERATED ALWAYS AS}), UNIQUE, CHECK and
 * FOREIGN KEY constraints (with their ON DELETE / ON UPDATE actions), then the declared indexes and
 * an index on every foreign-key column that no other index leads with; {@code DROP TABLE IF EXISTS}
 * in reverse order. Foreign keys that point at a table created later (a cycle) are added with ALTER
 * TABLE where the dialect allows. The database enum types of {@code EnumStorage.NATIVE} columns,
 * where the dialect names them, come first and go last.
 *
 * <p>Names not declared are derived, {@code fk_<table>_<column>}, {@code ix_<table>_<columns>},
 * {@code uq_<table>_<columns>}, {@code ck_<table>_<columns>}; one longer than the dialect keeps is
 * cut and ends in a hash of the full name ({@link Dialect#fitIdentifier}).
 */
public final class SchemaGenerator {
  private final Dialect dialect;

  public SchemaGenerator(Dialect dialect) {
    this.dialect = dialect;
  }

  /** Every statement {@code createAll} runs, in order. */
  public List<String> createStatements(Metadata metadata) {
    List<String> out = new ArrayList<>();
    enumTypes(metadata).forEach((name, labels) -> out.addAll(dialect.createEnumType(name, labels)));
    List<String> later = new ArrayList<>();
    Set<TableMapping> created = new HashSet<>();
    Map<TableMapping, String> sequences = sequences(metadata);
    for (String sequence : new java.util.LinkedHashSet<>(sequences.values())) {
      out.add("CREATE SEQUENCE IF NOT EXISTS " + q(sequence));
    }
    for (TableMapping t : metadata.tablesInDependencyOrder()) {
      StringJoiner parts = new StringJoiner(",\n  ", "(\n  ", "\n)");
      for (ColumnMapping c : t.columns()) {
        parts.add(columnDefinition(c, sequences.get(t)));
      }
      if (t.keyColumns().size() > 1) {
        StringJoiner key = new StringJoiner(", ", "PRIMARY KEY (", ")");
        t.keyColumns().forEach(c -> key.add(q(c.name())));
        parts.add(key.toString());
      }
      for (TableConstraints.Resolved k : t.constraints()) {
        if (k.kind() == TableConstraints.Kind.UNIQUE_CONSTRAINT) {
          parts.add("CONSTRAINT " + q(derivedName(k.name())) + " UNIQUE " + columnList(k));
        } else if (k.kind() == TableConstraints.Kind.CHECK) {
          parts.add("CONSTRAINT " + q(derivedName(k.name())) + " CHECK (" + k.check() + ")");
        }
      }
      if (!dialect.enforcesDeclaredLength()) {
        t.columns().stream()
            .filter(SchemaGenerator::hasLength)
            .forEach(c -> parts.add(lengthCheck(c)));
      }
      for (ColumnMapping c : t.columns()) {
        if (c.references() == null) {
          continue;
        }
        TableMapping target = c.references().table();
        boolean ready = target == t || created.contains(target);
        if (ready || !dialect.addsForeignKeysLater()) {
          parts.add(foreignKey(c));
        } else {
          later.add("ALTER TABLE " + q(t.name()) + " ADD " + foreignKey(c));
        }
      }
      out.add("CREATE TABLE IF NOT EXISTS " + q(t.name()) + " " + parts + dialect.tableOptions());
      for (ColumnMapping c : t.columns()) {
        boolean leadsTheKey = !t.keyColumns().isEmpty() && t.keyColumns().get(0) == c;
        if (c.references() != null && !leadsTheKey && !c.unique() && !leadsAnIndex(t, c)) {
          out.add(
              "CREATE INDEX IF NOT EXISTS "
                  + q(derivedName("ix_" + t.name() + "_" + c.name()))
                  + " ON "
                  + q(t.name())
                  + " ("
                  + q(c.name())
                  + ")");
        }
      }
      for (TableConstraints.Resolved k : t.constraints()) {
        if (k.kind() == TableConstraints.Kind.INDEX
            || k.kind() == TableConstraints.Kind.UNIQUE_INDEX) {
          out.add(
              "CREATE "
                  + (k.isUnique() ? "UNIQUE " : "")
                  + "INDEX IF NOT EXISTS "
                  + q(derivedName(k.name()))
                  + " ON "
                  + q(t.name())
                  + " "
                  + columnList(k));
        }
      }
      created.add(t);
    }
    out.addAll(later);
    return out;
  }

  /** Every statement {@code dropAll} runs, children before parents. */
  public List<String> dropStatements(Metadata metadata) {
    List<TableMapping> tables = new ArrayList<>(metadata.tablesInDependencyOrder());
    java.util.Collections.reverse(tables);
    List<String> out = new ArrayList<>();
    for (TableMapping t : tables) {
      out.addAll(dialect.dropTable(t.name()));
    }
    for (String sequence : new java.util.LinkedHashSet<>(sequences(metadata).values())) {
      out.add("DROP SEQUENCE IF EXISTS " + q(sequence));
    }
    enumTypes(metadata).keySet().forEach(name -> out.addAll(dialect.dropEnumType(name)));
    return out;
  }

  /** The database enum types of the {@code EnumStorage.NATIVE} columns: name → constants. */
  private static Map<String, List<String>> enumTypes(Metadata metadata) {
    Map<String, List<String>> types = new LinkedHashMap<>();
    for (TableMapping t : metadata.tablesInDependencyOrder()) {
      for (ColumnMapping c : t.columns()) {
        if (c.type() == ColumnType.ENUM && c.enumStorage() == EnumStorage.NATIVE) {
          types.putIfAbsent(c.enumTypeName(), c.enumLabels());
        }
      }
    }
    return types;
  }

  /** The {@code @Sequence} of each table's generated key, where the database has sequences. */
  private Map<TableMapping, String> sequences(Metadata metadata) {
    Map<TableMapping, String> out = new java.util.LinkedHashMap<>();
    if (dialect.supportsSequences()) {
      for (ModelMapping m : metadata.models()) {
        if (m.keySequence() != null) {
          out.put(m.table(), m.keySequence());
        }
      }
    }
    return out;
  }

  private static boolean hasLength(ColumnMapping c) {
    return c.type() == ColumnType.STRING && c.length() > 0 && c.computedExpression() == null;
  }

  /**
   * {@code @Column(length = n)} as a CHECK, for databases that store any length in a {@code
   * VARCHAR(n)}: in the schema, so raw SQL and other programs are held to it too. Named so that the
   * {@code IntegrityException} says which column.
   */
  private String lengthCheck(ColumnMapping c) {
    return "CONSTRAINT "
        + q(derivedName("ck_" + c.table().name() + "_" + c.name() + "_length"))
        + " CHECK (length("
        + q(c.name())
        + ") <= "
        + c.length()
        + ")";
  }

  /** A column's DDL; {@code sequence} is the table's key sequence, or null. */
  private String columnDefinition(ColumnMapping c, String sequence) {
    if (c.primaryKey() && c.generated() && sequence != null) {
      return q(c.name())
          + " "
          + dialect.sqlType(c)
          + " NOT NULL DEFAULT "
          + dialect.sequenceDefault(sequence)
          + " PRIMARY KEY";
    }
    if (c.primaryKey() && c.generated()) {
      return q(c.name()) + " " + dialect.generatedPrimaryKey(c);
    }
    StringBuilder b = new StringBuilder(q(c.name())).append(' ').append(dialect.sqlType(c));
    if (c.isIdentity()) {
      b.append(" NOT NULL PRIMARY KEY");
    } else if (c.primaryKey()) {
      b.append(" NOT NULL");
    } else {
      if (c.computedExpression() != null) {
        b.append(computed(c));
      }
      if (!c.nullable()) {
        b.append(" NOT NULL");
      }
      if (c.serverDefault() != null) {
        b.append(" DEFAULT ").append(defaultSql(c.serverDefault()));
      }
      if (c.unique()) {
        b.append(" UNIQUE");
      }
    }
    return b.toString();
  }

  /** {@code GENERATED ALWAYS AS (expr) STORED}, or {@code VIRTUAL} where the database has it. */
  private String computed(ColumnMapping c) {
    if (!c.computedStored() && !dialect.supportsVirtualColumns()) {
      throw DatabaseValues.virtualNotSupported(c, dialect.name());
    }
    return " GENERATED ALWAYS AS ("
        + c.computedExpression()
        + ") "
        + (c.computedStored() ? "STORED" : "VIRTUAL");
  }

  /**
   * A default as written when it is a literal or a bare keyword ({@code 'new'}, {@code -1}, {@code
   * CURRENT_TIMESTAMP}), else in parentheses: SQLite and MariaDB accept an expression ({@code
   * now()}, {@code 1 + 2}) only so, and PostgreSQL accepts both.
   */
  static String defaultSql(String sql) {
    return SIMPLE_DEFAULT.matcher(sql).matches() ? sql : "(" + sql + ")";
  }

  private static final java.util.regex.Pattern SIMPLE_DEFAULT =
      java.util.regex.Pattern.compile(
          "'([^']|'')*'|[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?|[A-Za-z_][A-Za-z_0-9]*");

  /** Whether a declared index or UNIQUE constraint starts with {@code c}, so it serves the key. */
  private static boolean leadsAnIndex(TableMapping t, ColumnMapping c) {
    for (TableConstraints.Resolved k : t.constraints()) {
      if (k.isIndexed() && k.columns().get(0).equals(c.name())) {
        return true;
      }
    }
    return false;
  }

  private String columnList(TableConstraints.Resolved k) {
    StringJoiner list = new StringJoiner(", ", "(", ")");
    k.columns().forEach(c -> list.add(q(c)));
    return list.toString();
  }

  private String foreignKey(ColumnMapping c) {
    String action =
        (c.onDelete().isEmpty() ? "" : " ON DELETE " + c.onDelete())
            + (c.onUpdate().isEmpty() ? "" : " ON UPDATE " + c.onUpdate());
    return "CONSTRAINT "
        + q(derivedName("fk_" + c.table().name() + "_" + c.name()))
        + " FOREIGN KEY ("
        + q(c.name())
        + ") REFERENCES "
        + q(c.references().table().name())
        + " ("
        + q(c.references().name())
        + ")"
        + action;
  }

  private String derivedName(String name) {
    return dialect.fitIdentifier(name);
  }

  private String q(String identifier) {
    return dialect.quote(identifier);
  }
}
