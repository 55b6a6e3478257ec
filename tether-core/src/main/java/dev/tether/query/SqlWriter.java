package dev.tether.query;

import dev.tether.QueryException;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ColumnType;
import dev.tether.mapping.Direction;
import dev.tether.mapping.Metadata;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.Names;
import dev.tether.mapping.RelationshipMapping;
import dev.tether.mapping.TableMapping;
import dev.tether.sql.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one statement: its text, its parameters (type and value, in order), and the tables it
 * reads with the alias of each ({@code t0}, {@code t1}, ...). Column attributes are resolved here,
 * through the mapping, to a table of the query; identifiers come only from the mapping and are
 * quoted by the dialect, and every value becomes a {@code ?}.
 */
final class SqlWriter {
  /** A table of the statement: a model's, or an association table (no model). */
  static final class Source {
    final ModelMapping model;
    final TableMapping table;
    final Alias<?> alias;
    final String qualifier;

    Source(ModelMapping model, TableMapping table, Alias<?> alias, String qualifier) {
      this.model = model;
      this.table = table;
      this.alias = alias;
      this.qualifier = qualifier;
    }
  }

  private static final class Scope {
    final Scope outer;
    final List<Source> sources = new ArrayList<>();

    Scope(Scope outer) {
      this.outer = outer;
    }
  }

  private final Dialect dialect;
  private final Metadata metadata;
  private final boolean qualifyByTable;
  private final StringBuilder sql = new StringBuilder();
  private final List<ColumnType> types = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();
  private Scope scope = new Scope(null);
  private int aliases;

  /**
   * A writer for a SELECT ({@code qualifyByTable} false: every table gets an alias) or for an
   * UPDATE/DELETE (true: columns are qualified by table name, which every dialect accepts there).
   */
  SqlWriter(Dialect dialect, Metadata metadata, boolean qualifyByTable) {
    this.dialect = dialect;
    this.metadata = metadata;
    this.qualifyByTable = qualifyByTable;
  }

  Dialect dialect() {
    return dialect;
  }

  Metadata metadata() {
    return metadata;
  }

  SqlWriter append(String text) {
    sql.append(text);
    return this;
  }

  SqlWriter identifier(String name) {
    sql.append(dialect.quote(name));
    return this;
  }

  /** A {@code ?} bound to {@code value}, typed like {@code typedBy}. */
  void bind(Expression<?> typedBy, Object value) {
    dev.tether.mapping.ColumnMapping column = typedBy.mapping(this);
    bind(typedBy.valueType(this), column == null ? value : column.toColumnValue(value));
  }

  void bind(ColumnType type, Object value) {
    sql.append('?');
    param(type, value);
  }

  /** Adds a parameter whose {@code ?} is already in the text (a dialect's LIMIT clause). */
  void param(ColumnType type, Object value) {
    types.add(type);
    values.add(value);
  }

  String text() {
    return sql.toString();
  }

  int length() {
    return sql.length();
  }

  /** Cuts the text back to {@code length} (a part rendered for its parameters' sake only). */
  void truncate(int length) {
    sql.setLength(length);
  }

  ColumnType[] types() {
    return types.toArray(ColumnType[]::new);
  }

  Object[] values() {
    return values.toArray();
  }

  // ---- tables and scopes -----------------------------------------------------------------------

  /** Adds a model's table to the current scope, with a fresh alias. */
  Source add(ModelMapping model, Alias<?> alias) {
    Source s =
        new Source(
            model,
            model.table(),
            alias,
            qualifyByTable ? dialect.quote(model.table().name()) : "t" + aliases++);
    scope.sources.add(s);
    return s;
  }

  /** Adds an association table (many-to-many) to the current scope. */
  Source addTable(TableMapping table) {
    Source s =
        new Source(
            null, table, null, qualifyByTable ? dialect.quote(table.name()) : "t" + aliases++);
    scope.sources.add(s);
    return s;
  }

  /** {@code "parent" t0}: a source as it appears in FROM or JOIN. */
  void from(Source s) {
    identifier(s.table.name());
    if (!qualifyByTable) {
      append(" ").append(s.qualifier);
    }
  }

  void enterSubquery() {
    scope = new Scope(scope);
  }

  void leaveSubquery() {
    scope = scope.outer;
  }

  /** {@code t0."name"}. */
  void column(Source s, ColumnMapping c) {
    append(s.qualifier).append(".").identifier(c.name());
  }

  // ---- resolving attributes ----------------------------------------------------------------

  ModelMapping model(Class<?> type) {
    ModelMapping m = metadata.model(type);
    if (m == null) {
      throw new QueryException(
          "not-mapped",
          type.getSimpleName()
              + " is not mapped by this database's registry; include it in Registry.of(...).");
    }
    return m;
  }

  ColumnMapping column(ColumnAttribute<?, ?> attribute) {
    ModelMapping m = model(attribute.model());
    ColumnMapping c = m.columnByField(attribute.name());
    if (c == null) {
      throw new QueryException(
          "unknown-column",
          m.name()
              + " has no column field '"
              + attribute.name()
              + "'."
              + Names.didYouMean(attribute.name(), m.attributeNames())
              + " Regenerate the metamodel after renaming a field.");
    }
    return c;
  }

  /** The embedded value at {@code path} of {@code model} (an {@code EmbeddedAttribute}'s). */
  dev.tether.mapping.EmbeddedMapping embedded(Class<?> model, String path) {
    ModelMapping m = model(model);
    dev.tether.mapping.EmbeddedMapping e = m.embedded(path);
    if (e == null) {
      throw new QueryException(
          "unknown-embedded",
          m.name()
              + " has no embedded value '"
              + path
              + "'."
              + Names.didYouMean(path, m.attributeNames())
              + " Regenerate the metamodel after renaming a field.");
    }
    return e;
  }

  RelationshipMapping relationship(RelationshipAttribute<?, ?> attribute) {
    ModelMapping m = model(attribute.model());
    RelationshipMapping r = m.relationship(attribute.name());
    if (r == null) {
      throw new QueryException(
          "unknown-relationship",
          m.name()
              + " has no relationship '"
              + attribute.name()
              + "'."
              + Names.didYouMean(attribute.name(), m.relationshipNames()));
    }
    return r;
  }

  /** The source a column of {@code type} (through {@code alias}, if any) refers to. */
  Source source(Class<?> type, Alias<?> alias) {
    boolean aliasedOnly = false;
    for (Scope sc = scope; sc != null; sc = sc.outer) {
      for (Source s : sc.sources) {
        if (s.model != null && s.model.type() == type) {
          if (s.alias == alias) {
            return s;
          }
          aliasedOnly = true;
        }
      }
    }
    if (alias != null) {
      throw new QueryException(
          "alias-not-joined",
          alias
              + " is not part of this query: add it with join(relationship, alias) before using"
              + " its columns.");
    }
    throw new QueryException(
        "model-not-in-query",
        type.getSimpleName()
            + (aliasedOnly
                ? " appears in this query only through an alias: use alias.get(column)."
                : " is not part of this query: join a relationship that leads to it first, e.g."
                    + " .join(Parent_.children)."));
  }

  // ---- relationships -------------------------------------------------------------------------

  /**
   * Adds the tables that {@code rel} leads to and renders {@code JOIN ... ON ...} from {@code
   * owner}; returns the target's source.
   */
  Source join(Source owner, RelationshipMapping rel, Alias<?> alias, boolean outer) {
    String kind = outer ? " LEFT OUTER JOIN " : " JOIN ";
    if (rel.direction() == Direction.MANY_TO_MANY) {
      Source link = addTable(rel.secondary());
      append(kind);
      from(link);
      append(" ON ");
      column(link, rel.foreignKey());
      append(" = ");
      column(owner, rel.referencedColumn());
      Source target = add(rel.target(), alias);
      append(kind);
      from(target);
      append(" ON ");
      secondaryToTarget(rel, link, target);
      return target;
    }
    Source target = add(rel.target(), alias);
    append(kind);
    from(target);
    append(" ON ");
    joinCondition(rel, owner, target);
    return target;
  }

  /** The condition that relates an owner row to a target row of a non-association relationship. */
  void joinCondition(RelationshipMapping rel, Source owner, Source target) {
    if (rel.direction() == Direction.MANY_TO_ONE) {
      column(target, rel.referencedColumn());
      append(" = ");
      column(owner, rel.foreignKey());
    } else {
      column(target, rel.foreignKey());
      append(" = ");
      column(owner, rel.referencedColumn());
    }
  }

  private void secondaryToTarget(RelationshipMapping rel, Source link, Source target) {
    column(target, rel.secondaryTargetColumn().references());
    append(" = ");
    column(link, rel.secondaryTargetColumn());
  }

  /** {@code EXISTS (SELECT 1 FROM target WHERE <related to the outer row> [AND criteria])}. */
  void exists(RelationshipAttribute<?, ?> attribute, Condition criteria) {
    RelationshipMapping rel = relationship(attribute);
    Source owner = source(rel.owner().type(), null);
    append("EXISTS (SELECT 1 FROM ");
    enterSubquery();
    if (rel.direction() == Direction.MANY_TO_MANY) {
      Source link = addTable(rel.secondary());
      Source target = add(rel.target(), null);
      from(link);
      append(", ");
      from(target);
      append(" WHERE ");
      column(link, rel.foreignKey());
      append(" = ");
      column(owner, rel.referencedColumn());
      append(" AND ");
      secondaryToTarget(rel, link, target);
    } else {
      Source target = add(rel.target(), null);
      from(target);
      append(" WHERE ");
      joinCondition(rel, owner, target);
    }
    if (criteria != null) {
      append(" AND ");
      criteria.render(this);
    }
    leaveSubquery();
    append(")");
  }
}
