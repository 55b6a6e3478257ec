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
      throw ambiguous(owner, target, r, name, where, local, remote);
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
      String key = owner.table() + "." + keyOf(owner, where).name();
      throw new MappingException(
          "secondary-self",
          where
              + " relates "
              + owner.name()
              + " to itself, so a table defined by convention would have two columns named "
              + owner.table()
              + "_"
              + keyOf(owner, where).name()
              + ". Map "
              + name
              + " as a model with two @Id @ForeignKey(\""
              + key
              + "\") fields (e.g. followerId, followedId) and name the one that points at this"
              + " side: @Relationship(secondary = \""
              + name
              + "\", foreignKeys = \"followerId\"). A backPopulates partner names the other"
              + " (foreignKeys = \"followedId\"); a backref needs nothing more.");
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
              "",
              "",
              false);
      c.resolveReference(key);
      table.add(c);
    }
    return table;
  }

  /**
   * Several columns of the association table reference one side. {@code foreignKeys} names the
   * column that points at this side only, so what can fix it depends on which side is ambiguous.
   */
  private static MappingException ambiguous(
      ModelMapping owner,
      ModelMapping target,
      RelationshipMapping r,
      String name,
      String where,
      List<ColumnMapping> local,
      List<ColumnMapping> remote) {
    boolean self = owner == target;
    boolean here = local.size() > 1;
    List<ColumnMapping> columns = here ? local : remote;
    String several =
        where
            + ": several columns of "
            + name
            + " reference "
            + (here ? owner.table() : target.table())
            + " ("
            + String.join(", ", columns.stream().map(ColumnMapping::name).toList())
            + ")";
    String choices =
        String.join(
            " or ", columns.stream().map(c -> "foreignKeys = \"" + c.fieldName() + "\"").toList());
    String fix;
    if (self && here) {
      fix =
          ", and a self-referential many-to-many must say which one points at this side. Name it"
              + " in this @Relationship: "
              + choices
              + ". A backPopulates partner names another one; a backref needs nothing more.";
    } else if (self) {
      fix =
          ", which leaves more than one column to point at the other side after foreignKeys = \""
              + r.declared().foreignKeys()
              + "\". A self-referential association table needs exactly two columns that"
              + " reference "
              + owner.table()
              + ": one per side.";
    } else if (here) {
      String partner = r.declared().backPopulates();
      fix =
          ". Name the one that points at "
              + owner.name()
              + " in this @Relationship: "
              + choices
              + "."
              + (partner.isEmpty()
                  ? ""
                  : " Its partner "
                      + target.name()
                      + "."
                      + partner
                      + " cannot name it (its foreignKeys names the column that points at "
                      + target.name()
                      + "), so link the two with backref = \""
                      + partner
                      + "\" here instead of backPopulates on both.");
    } else {
      fix =
          ", and foreignKeys on "
              + r.qualifiedName()
              + " can only name the column that points at "
              + owner.name()
              + ", so Tether cannot tell which one leads to "
              + target.name()
              + ". Declare the relationship on "
              + target.name()
              + " instead, naming its column ("
              + choices
              + ") with backref = \""
              + r.name()
              + "\", which creates "
              + r.qualifiedName()
              + ".";
    }
    return new MappingException("secondary-ambiguous", several + fix);
  }

  private static ColumnMapping keyOf(ModelMapping m, String where) {
    if (m.id() == null) {
      throw new MappingException(
          "secondary-composite-key",
          where
              + ": "
              + m.name()
              + "'s primary key has several columns ("
              + String.join(", ", m.keyColumns().stream().map(ColumnMapping::name).toList())
              + "), but a foreign key of an association table references one column. Give "
              + m.name()
              + " a single-column key (@Id on one field).");
    }
    return m.id();
  }
}
