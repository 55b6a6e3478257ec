package dev.tether.schema;

import dev.tether.EnumStorage;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ColumnType;
import dev.tether.mapping.Metadata;
import dev.tether.mapping.TableMapping;
import dev.tether.sql.Dialect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.zip.CRC32;

/**
 * Renders the DDL for a registry's tables: {@code CREATE TABLE IF NOT EXISTS} in foreign-key order
 * with primary key, NOT NULL, UNIQUE and FOREIGN KEY constraints, an index on every foreign-key
 * column, and {@code DROP TABLE IF EXISTS} in reverse order. Foreign keys that point at a table
 * created later (a cycle) are added with ALTER TABLE where the dialect allows. The database enum
 * types of {@code EnumStorage.NATIVE} columns, where the dialect names them, come first and go
 * last.
 *
 * <p>Constraint and index names are derived, {@code fk_<table>_<column>} and {@code
 * ix_<table>_<column>}; one longer than the dialect keeps is cut and ends in a hash of the full
 * name, so that it fits (MariaDB refuses longer names) and stays distinct (PostgreSQL would
 * truncate two long names to the same one).
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
    for (TableMapping t : metadata.tablesInDependencyOrder()) {
      StringJoiner parts = new StringJoiner(",\n  ", "(\n  ", "\n)");
      for (ColumnMapping c : t.columns()) {
        parts.add(columnDefinition(c));
      }
      if (t.keyColumns().size() > 1) {
        StringJoiner key = new StringJoiner(", ", "PRIMARY KEY (", ")");
        t.keyColumns().forEach(c -> key.add(q(c.name())));
        parts.add(key.toString());
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
        if (c.references() != null && !leadsTheKey && !c.unique()) {
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

  private String columnDefinition(ColumnMapping c) {
    if (c.primaryKey() && c.generated()) {
      return q(c.name()) + " " + dialect.generatedPrimaryKey(c);
    }
    StringBuilder b = new StringBuilder(q(c.name())).append(' ').append(dialect.sqlType(c));
    if (c.isIdentity()) {
      b.append(" NOT NULL PRIMARY KEY");
    } else if (c.primaryKey()) {
      b.append(" NOT NULL");
    } else {
      if (!c.nullable()) {
        b.append(" NOT NULL");
      }
      if (c.unique()) {
        b.append(" UNIQUE");
      }
    }
    return b.toString();
  }

  private String foreignKey(ColumnMapping c) {
    String action = c.onDelete().isEmpty() ? "" : " ON DELETE " + c.onDelete();
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

  /**
   * {@code name} if the dialect keeps it whole; else its longest prefix that leaves room for {@code
   * _} and the eight hex digits of the full name's CRC-32.
   */
  private String derivedName(String name) {
    int max = dialect.maxIdentifierLength();
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

  private String q(String identifier) {
    return dialect.quote(identifier);
  }
}
