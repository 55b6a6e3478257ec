package dev.tether.processor;

import dev.tether.mapping.MappingMessages;
import dev.tether.mapping.MappingMessages.Side;
import dev.tether.processor.MappedClass.ColumnField;
import dev.tether.processor.MappedClass.RelationshipField;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * The models of one compilation and every model their relationships reach (from sources or from the
 * class path), with the relationships that {@code backref}s create on them: what {@code
 * Registry.of} would configure, known at compile time. {@link MappingChecks} asks it about
 * relationships by name; {@link MetamodelWriter} asks which backrefs land on a model.
 */
final class CompiledModels {
  /**
   * A relationship of a model, declared as a field or created by a backref.
   *
   * @param creator for a backref, the relationship that declares it; otherwise null
   */
  record Rel(
      MappedClass owner,
      String name,
      TypeElement target,
      boolean many,
      RelationshipField field,
      Rel creator) {

    /** The relationship's declaration; for a backref, the declaration that creates it. */
    RelationshipField declaration() {
      return field != null ? field : creator.field();
    }

    String qualifiedName() {
      return owner.name + "." + name;
    }

    boolean isBackref() {
      return creator != null;
    }
  }

  /** The foreign key a relationship follows, and whether it is on the owner's own table. */
  record Key(MappedClass holder, ColumnField column, boolean onOwner) {}

  private final Env env;
  private final Set<TypeElement> sources;
  private final Map<TypeElement, MappedClass> models = new LinkedHashMap<>();
  private final Map<TypeElement, Map<String, Rel>> backrefs = new LinkedHashMap<>();

  /** Backrefs that could not be created, by the relationship that declares them. */
  private final Map<Rel, Rel> refusedBackrefs = new LinkedHashMap<>();

  CompiledModels(Env env, Collection<TypeElement> sourceModels) {
    this.env = env;
    this.sources = new HashSet<>(sourceModels);
    Deque<TypeElement> todo = new ArrayDeque<>(sourceModels);
    while (!todo.isEmpty()) {
      TypeElement t = todo.removeFirst();
      if (models.containsKey(t) || !isConcreteModel(t)) {
        continue;
      }
      MappedClass m = MappedClass.read(t, env);
      models.put(t, m);
      for (RelationshipField r : m.relationships) {
        if (r.target() != null) {
          todo.add(r.target());
        }
      }
    }
    createBackrefs();
  }

  /** Whether {@code t} would get a table: a concrete subclass of {@code Model}. */
  boolean isConcreteModel(TypeElement t) {
    return env.isModelSubclass(t) && !t.getModifiers().contains(Modifier.ABSTRACT);
  }

  /** Whether {@code t} is compiled now (mistakes in it are reported, a metamodel is written). */
  boolean isSource(TypeElement t) {
    return sources.contains(t);
  }

  /** Every known concrete model, sources first. */
  Collection<MappedClass> models() {
    return models.values();
  }

  /** The model {@code t}, or null when it is not a known concrete model. */
  MappedClass model(TypeElement t) {
    return t == null ? null : models.get(t);
  }

  /** The models that map {@code table}. */
  List<MappedClass> mapping(String table) {
    List<MappedClass> found = new ArrayList<>();
    models.values().stream().filter(m -> m.table.equals(table)).forEach(found::add);
    return found;
  }

  /** Every mapped table, in the order the models were found. */
  List<String> tables() {
    List<String> tables = new ArrayList<>();
    models.values().stream().map(m -> m.table).distinct().forEach(tables::add);
    return tables;
  }

  /** The relationships of {@code m}: its fields, then the backrefs created on it. */
  List<Rel> relationships(MappedClass m) {
    List<Rel> all = new ArrayList<>();
    for (RelationshipField f : m.relationships) {
      all.add(declared(m, f));
    }
    all.addAll(backrefs.getOrDefault(m.type, Map.of()).values());
    return all;
  }

  /** The relationships that backrefs create on {@code m}. */
  Collection<Rel> backrefsOn(MappedClass m) {
    return backrefs.getOrDefault(m.type, Map.of()).values();
  }

  /** {@code m}'s relationship {@code name}, declared or a backref; null if none. */
  Rel relationship(MappedClass m, String name) {
    RelationshipField f = m.relationship(name);
    return f != null ? declared(m, f) : backrefs.getOrDefault(m.type, Map.of()).get(name);
  }

  /** The declared relationship {@code f} of {@code m}. */
  Rel declared(MappedClass m, RelationshipField f) {
    return new Rel(m, f.name(), f.target(), f.many(), f, null);
  }

  /** For each backref that could not be created, the relationship already in its place. */
  Map<Rel, Rel> refusedBackrefs() {
    return refusedBackrefs;
  }

  /** Like {@code Registry.of}'s phase 4: every backref creates its reverse on the target. */
  private void createBackrefs() {
    for (MappedClass owner : List.copyOf(models.values())) {
      for (RelationshipField f : owner.relationships) {
        MappedClass target = model(f.target());
        if (f.backref().isEmpty() || !f.backPopulates().isEmpty() || target == null) {
          continue;
        }
        Rel r = declared(owner, f);
        Rel existing = relationship(target, f.backref());
        if (existing != null || target.column(f.backref()) != null) {
          refusedBackrefs.put(r, existing);
          continue;
        }
        Rel reverse = new Rel(target, f.backref(), owner.type, reverseIsMany(r, target), null, r);
        backrefs.computeIfAbsent(target.type, k -> new LinkedHashMap<>()).put(f.backref(), reverse);
      }
    }
  }

  /** The reverse of a many-to-one holds many, unless its key is unique (a one-to-one). */
  private boolean reverseIsMany(Rel r, MappedClass target) {
    if (!r.declaration().secondary().isEmpty()) {
      return true;
    }
    if (r.many()) {
      return false;
    }
    Key key = key(r, target);
    return key == null || (key.onOwner() && !key.column().unique());
  }

  /**
   * Whether {@code r} (not a many-to-many) is the many-to-one side: a One following its own key.
   */
  boolean isManyToOne(Rel r) {
    if (r.many() || !r.declaration().secondary().isEmpty()) {
      return false;
    }
    Key key = key(r, model(r.target()));
    return key == null || key.onOwner();
  }

  /**
   * The foreign key a (non-secondary) relationship follows, as {@code Registry.of} would choose it:
   * the one {@code foreignKeys} names (its own or its backPopulates partner's), else the only one
   * the field types leave (see {@link #keysLeft}); for a backref, its creator's key. Null when
   * there is none or several.
   */
  Key key(Rel r, MappedClass target) {
    if (target == null) {
      return null;
    }
    if (r.isBackref()) {
      Key k = key(r.creator(), r.owner());
      return k == null ? null : new Key(k.holder(), k.column(), k.holder() == r.owner());
    }
    String chosen = foreignKeysFor(r, target);
    if (!chosen.isEmpty()) {
      for (Key k : keys(r.owner(), target)) {
        if (k.column().name().equals(chosen)) {
          return k;
        }
      }
      return null;
    }
    List<Key> left = keysLeft(r, target);
    return left.size() == 1 ? left.get(0) : null;
  }

  /**
   * The keys a declared (non-secondary) relationship without {@code foreignKeys} may follow, as
   * {@code Joins} narrows them: a Many follows a key on the target's table, a One paired with a
   * Many a key on its own table, when that leaves any. Between rows of one table, or for a One
   * alone or paired with a One, every key stays. Empty when {@code foreignKeys} chooses.
   */
  List<Key> keysLeft(Rel r, MappedClass target) {
    if (!foreignKeysFor(r, target).isEmpty()) {
      return List.of();
    }
    List<Key> all = keys(r.owner(), target);
    if (all.size() < 2 || r.owner() == target) {
      return all;
    }
    RelationshipField partner = partner(r, target);
    if (!r.many() && (partner == null || !partner.many())) {
      return all;
    }
    boolean onOwner = !r.many();
    List<Key> left = all.stream().filter(k -> k.onOwner() == onOwner).toList();
    return left.isEmpty() ? all : left;
  }

  /** The {@code foreignKeys} that applies to declared {@code r}: its own, else its partner's. */
  private String foreignKeysFor(Rel r, MappedClass target) {
    String own = r.declaration().foreignKeys();
    if (!own.isEmpty() || r.isBackref()) {
      return own;
    }
    RelationshipField partner = partner(r, target);
    return partner == null ? "" : partner.foreignKeys();
  }

  /**
   * The declared field {@code r}'s backPopulates names on {@code target}, when it leads back to r's
   * owner without a secondary table (as {@code Joins} finds it, before backrefs exist); else null.
   */
  private static RelationshipField partner(Rel r, MappedClass target) {
    String name = r.declaration().backPopulates();
    RelationshipField p = name.isEmpty() ? null : target.relationship(name);
    return p != null && p.secondary().isEmpty() && r.owner().type.equals(p.target()) ? p : null;
  }

  /** Every foreign key between the two models' tables, those on {@code owner} first. */
  private static List<Key> keys(MappedClass owner, MappedClass target) {
    List<Key> keys = new ArrayList<>();
    for (ColumnField c : owner.columns) {
      if (target.table.equals(referencedTable(c))) {
        keys.add(new Key(owner, c, true));
      }
    }
    if (owner != target) {
      for (ColumnField c : target.columns) {
        if (owner.table.equals(referencedTable(c))) {
          keys.add(new Key(target, c, false));
        }
      }
    }
    return keys;
  }

  /** The table of {@code @ForeignKey("table.column")}, or null. */
  static String referencedTable(ColumnField c) {
    String fk = c.foreignKey();
    int dot = fk == null ? -1 : fk.lastIndexOf('.');
    return dot <= 0 ? null : fk.substring(0, dot);
  }

  /** {@code r} as {@link MappingMessages} describes it. */
  Side side(Rel r) {
    MappedClass target = model(r.target());
    return new Side(
        r.owner().name,
        r.name(),
        target == null ? Env.simpleName(r.target()) : target.name,
        isManyToOne(r),
        r.declaration().secondary());
  }
}
