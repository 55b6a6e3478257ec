package dev.tether.mapping;

import dev.tether.MappingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Many-to-many joins (part of phase 3): the association table named by {@code secondary} and its
 * two foreign keys. A table that a model maps is used as it is (the association-object pattern);
 * any other name is defined by convention, shared by both sides of the pair: one NOT NULL foreign
 * key per side named {@code <table>_<key column>} ({@code student_id}, {@code course_id}), together
 * the primary key.
 */
final class Associations {
  private final Map<String, TableMapping> modelTables = new LinkedHashMap<>();
  private final Map<String, TableMapping> defined = new LinkedHashMap<>();

  Associations(Iterable<ModelMapping> models) {
    for (ModelMapping m : models) {
      modelTables.put(m.table().name(), m.table());
    }
  }

  /** The association tables defined by convention, in the order they were first named. */
  List<TableMapping> defined() {
    return new ArrayList<>(defined.values());
  }

  void resolve(ModelMapping owner, ModelMapping target, RelationshipMapping r) {
    String name = r.declared().secondary();
    String where = r.qualifiedName() + ": secondary = \"" + name + "\"";
    if (!r.isCollection()) {
      throw new MappingException(
          "secondary-one",
          where
              + " makes it many-to-many, but it is a One. Declare it `public final Many<"
              + target.name()
              + "> "
              + r.name()
              + " = many();`, or remove secondary for a many-to-one.");
    }
    TableMapping table = modelTables.get(name);
    if (table == null) {
      table = defined.computeIfAbsent(name, n -> define(n, owner, target, where));
    }
    boolean self = owner == target;
    List<ColumnMapping> local = referencing(table, owner.table());
    List<ColumnMapping> remote = referencing(table, target.table());
    String chosen = r.declared().foreignKeys();
    if (!chosen.isEmpty()) {
      ColumnMapping named = null;
      for (ColumnMapping c : local) {
        if (c.fieldName().equals(chosen) || c.name().equals(chosen)) {
          named = c;
        }
      }
      if (named == null) {
        List<String> names = new ArrayList<>();
        local.forEach(c -> names.add(c.fieldName()));
        throw new MappingException(
            "secondary-foreign-keys",
            where
                + ": foreignKeys = \""
                + chosen
                + "\" names no column of "
                + name
                + " that references "
                + owner.table()
                + "."
                + Names.didYouMean(chosen, names)
                + " For many-to-many, foreignKeys names the association table's column that"
                + " points at this side"
                + (names.isEmpty() ? "." : ": one of " + String.join(", ", names) + "."));
      }
      local = List.of(named);
      if (self) {
        List<ColumnMapping> others = new ArrayList<>(remote);
        others.remove(named);
        remote = others;
      }
    }
    if (local.isEmpty() || remote.isEmpty()) {
      throw new MappingException(
          "secondary-no-foreign-key",
          where
              + ": the association table "
              + name
              + " has no foreign key to "
              + (local.isEmpty() ? owner.table() : target.table())
              + ", so it links nothing. Give it one @ForeignKey column per side (\""
              + owner.table()
              + "."
              + keyOf(owner, where).name()
              + "\" and \""
              + target.table()
              + "."
              + keyOf(target, where).name()
              + "\"), or use a name no model maps and Tether defines the table.");
    }
    if (local.size() > 1 || remote.size() > 1) {
      throw new MappingException(
          "secondary-ambiguous",
          where
              + ": several columns of "
              + name
              + " reference "
              + (local.size() > 1 ? owner.table() : target.table())
              + " ("
              + String.join(
                  ", ", (local.size() > 1 ? local : remote).stream().map(c -> c.name()).toList())
              + "). Name the one that points at "
              + owner.name()
              + " with @Relationship(foreignKeys = \""
              + (local.size() > 1 ? local : remote).get(0).fieldName()
              + "\", ...) on both sides"
              + (self ? " (a self-referential many-to-many needs it)" : "")
              + ".");
    }
    r.resolve(target, Direction.MANY_TO_MANY, local.get(0));
    r.secondaryTarget(remote.get(0));
  }

  private static List<ColumnMapping> referencing(TableMapping table, TableMapping to) {
    List<ColumnMapping> out = new ArrayList<>();
    for (ColumnMapping c : table.columns()) {
      if (c.references() != null && c.references().table() == to) {
        out.add(c);
      }
    }
    return out;
  }

  private static TableMapping define(
      String name, ModelMapping owner, ModelMapping target, String where) {
    if (owner == target) {
      throw new MappingException(
          "secondary-self",
          where
              + " relates "
              + owner.name()
              + " to itself, so a table defined by convention would have two columns named "
              + owner.table()
              + "_"
              + keyOf(owner, where).name()
              + ". Map the association table as a model with two @ForeignKey columns (e.g."
              + " followerId, followedId) and name this side's column with"
              + " @Relationship(secondary = \""
              + name
              + "\", foreignKeys = \"followerId\").");
    }
    TableMapping table = new TableMapping(name, null);
    for (ModelMapping side : List.of(owner, target)) {
      ColumnMapping key = keyOf(side, where);
      String column = side.table().name() + "_" + key.name();
      ColumnMapping c =
          new ColumnMapping(
              table,
              column,
              column,
              ColumnType.boxed(key.javaType()),
              null,
              true,
              false,
              false,
              key.length(),
              table.columns().size(),
              side.table().name() + "." + key.name(),
              "");
      c.resolveReference(key);
      table.add(c);
    }
    return table;
  }

  private static ColumnMapping keyOf(ModelMapping m, String where) {
    if (m.id() == null) {
      throw new MappingException(
          "secondary-composite-key",
          where
              + ": "
              + m.name()
              + " has a composite primary key, which an association table cannot reference."
              + " Give "
              + m.name()
              + " a single-column key.");
    }
    return m.id();
  }
}
