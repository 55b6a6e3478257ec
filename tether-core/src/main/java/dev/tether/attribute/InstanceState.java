package dev.tether.attribute;

import dev.tether.MappingException;
import dev.tether.ObjectState;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.Mappings;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The ORM's bookkeeping for one model object: its mapping, its relationship containers (declared
 * fields and backrefs), its session, status, identity key and the column values last known to be in
 * the database (for dirty checking). One per object, created by {@code Model}'s constructor; the
 * object's own fields stay plain.
 */
public final class InstanceState {
  private static volatile Function<Object, InstanceState> access;

  private final Object owner;
  private ModelMapping mapping;
  private Object[] attributes;
  private SessionLink session;
  private ObjectState status = ObjectState.TRANSIENT;
  private Object key;
  private Object[] snapshot;
  private boolean reloadColumns;

  /**
   * An expiry that arrived while no container was bound: applied by {@link #bind()}, so that
   * loading or committing many objects whose relationships are never touched binds none of them.
   */
  private boolean expireOnBind;

  private Object loadGroup;

  /** Created by {@code Model}'s constructor for {@code owner}. */
  public InstanceState(Object owner) {
    this.owner = owner;
  }

  /** Installed once by {@code Model}: reads the state of a model object. */
  public static void installAccess(Function<Object, InstanceState> reader) {
    access = reader;
  }

  /** The state of a model object. */
  public static InstanceState of(Object model) {
    return access.apply(model);
  }

  /** The model object. */
  public Object owner() {
    return owner;
  }

  /** The object's mapping; fails clearly when its class was never passed to Registry.of. */
  public ModelMapping mapping() {
    ModelMapping m = mapping;
    if (m == null) {
      m = Mappings.of(owner.getClass());
      if (m == null) {
        throw new MappingException(
            "not-mapped",
            owner.getClass().getSimpleName()
                + " is not mapped: pass it to Registry.of(...) before using its relationships"
                + " (if Registry.of threw a MappingException for it, fix that mistake first).");
      }
      mapping = m;
    }
    return m;
  }

  /** The container of {@code relationship} (declared field or generated backref). */
  public Object container(RelationshipMapping relationship) {
    Object[] a = attributes;
    if (a == null) {
      bind();
      a = attributes;
    }
    Object c = a[relationship.index()];
    if (c == null) {
      RelationshipContainer created =
          relationship.isCollection()
              ? new CollectionAttribute<>(this)
              : new ScalarAttribute<>(this);
      created.bind(this, relationship);
      if (hasRow()) {
        // A backref container is created on first use, after the session expired the declared
        // ones; an object with a row must load it like them, not show it empty.
        created.expire();
      }
      a[relationship.index()] = created;
      c = created;
    }
    return c;
  }

  /** The container named {@code name}; fails with the names that exist. */
  public Object container(String name) {
    RelationshipMapping r = mapping().relationship(name);
    if (r == null) {
      throw new IllegalArgumentException(
          mapping().name()
              + " has no relationship '"
              + name
              + "'."
              + dev.tether.mapping.Names.didYouMean(name, mapping().relationshipNames())
              + " Its relationships: "
              + String.join(", ", mapping().relationshipNames())
              + ".");
    }
    return container(r);
  }

  /** Binds every declared container to its relationship (first use of any of them). */
  void bind() {
    if (attributes != null) {
      return;
    }
    ModelMapping m = mapping();
    Object[] a = new Object[m.relationships().size()];
    for (RelationshipMapping r : m.relationships()) {
      if (r.isGenerated()) {
        continue;
      }
      Object c = r.fieldValue(owner);
      if (!(c instanceof RelationshipContainer ra) || !ra.belongsTo(this)) {
        throw new MappingException(
            "relationship-uninitialized",
            r.qualifiedName()
                + " is not initialized with its own container: declare it as `public final "
                + (r.isCollection() ? "Many" : "One")
                + "<"
                + r.target().name()
                + "> "
                + r.name()
                + " = "
                + (r.isCollection() ? "many()" : "one()")
                + ";`.");
      }
      ra.bind(this, r);
      a[r.index()] = c;
    }
    attributes = a;
    if (expireOnBind) {
      expireOnBind = false;
      forEachContainer(c -> ((RelationshipContainer) c).expire());
    }
  }

  /**
   * Binds the containers now if an expiry waits for them: a container reads its own loaded flag
   * through this, as the flag it holds before binding predates the expiry.
   */
  void settle() {
    if (expireOnBind) {
      bind();
    }
  }

  /** Whether any container was bound (until then none has contents of its own or history). */
  public boolean isBound() {
    return attributes != null;
  }

  /** Containers created so far (null slots for backrefs never touched). */
  Object[] containersIfBound() {
    return attributes;
  }

  /**
   * Runs {@code action} on every container bound so far; before the first bind there is none, and
   * none holds contents or history.
   */
  private void forEachContainer(java.util.function.Consumer<Object> action) {
    if (attributes == null) {
      return;
    }
    for (Object c : attributes) {
      if (c != null) {
        action.accept(c);
      }
    }
  }

  /** Expires every relationship: the next use loads it again. */
  public void expireRelationships() {
    if (attributes == null) {
      // nothing bound holds contents or history yet: expire at the first bind
      if (status != ObjectState.TRANSIENT) {
        expireOnBind = true;
      }
      return;
    }
    forEachContainer(c -> ((RelationshipContainer) c).expire());
  }

  /** Clears the change history of every relationship after a flush. */
  public void relationshipsFlushed() {
    forEachContainer(c -> ((RelationshipContainer) c).flushed());
  }

  /** Whether the container of {@code relationship} has its contents in memory. */
  public boolean isLoaded(RelationshipMapping relationship) {
    return ((RelationshipContainer) container(relationship)).isLoaded();
  }

  /** Whether the object has (or had) a database row, so its relationships load from there. */
  public boolean hasRow() {
    return status == ObjectState.PERSISTENT
        || status == ObjectState.DETACHED
        || status == ObjectState.DELETED;
  }

  /** Calls {@code action} with each relationship whose container exists. */
  public void forEachRelationship(
      java.util.function.BiConsumer<RelationshipMapping, Object> action) {
    if (attributes == null) {
      bind();
    }
    for (RelationshipMapping r : mapping().relationships()) {
      Object c = attributes[r.index()];
      if (c != null) {
        action.accept(r, c);
      }
    }
  }

  /**
   * Removes {@code other} from this object's {@code relationship} without syncing the other side
   * (the session's memory fix-ups after a flush, which change both sides themselves).
   */
  public void unlinkRaw(RelationshipMapping relationship, Object other) {
    ((RelationshipContainer) container(relationship)).unlinkRaw(other);
  }

  /** Adds {@code other} to this object's {@code relationship} without syncing the other side. */
  public void linkRaw(RelationshipMapping relationship, Object other) {
    ((RelationshipContainer) container(relationship)).linkRaw(other);
  }

  /** A relationship changed: tell the session, if any. */
  void changed() {
    SessionLink s = session;
    if (s != null) {
      s.relationshipChanged(this);
    }
  }

  /** The owning session, or {@code null}. */
  public SessionLink session() {
    return session;
  }

  /** Attaches to (or, with {@code null}, detaches from) a session. */
  public void session(SessionLink link) {
    this.session = link;
  }

  /** The object's status. */
  public ObjectState status() {
    return status;
  }

  /** Sets the status (done by the session). */
  public void status(ObjectState s) {
    this.status = s;
  }

  /** The identity key (primary key value) once the object has a row. */
  public Object key() {
    return key;
  }

  /** Sets the identity key. */
  public void key(Object k) {
    this.key = k;
  }

  /**
   * Whether every column field still holds its snapshot value (the version column aside),
   * allocation-free: an untouched field still holds the snapshot's reference, which {@link
   * ColumnMapping#differs} decides first. False when there is no snapshot.
   */
  public boolean columnsUnchanged() {
    Object[] snap = snapshot;
    if (snap == null) {
      return false;
    }
    List<ColumnMapping> columns = mapping().columns();
    for (int i = 0, n = columns.size(); i < n; i++) {
      ColumnMapping c = columns.get(i);
      if (!c.version() && c.differs(snap[c.index()], c.get(owner))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The column fields whose value differs from the snapshot, in table order (every column when
   * there is none); never the version column, which every UPDATE writes and none is made for.
   */
  public List<ColumnMapping> changedColumns() {
    Object[] snap = snapshot;
    List<ColumnMapping> out = new ArrayList<>();
    for (ColumnMapping c : mapping().columns()) {
      if (!c.version() && (snap == null || c.differs(snap[c.index()], c.get(owner)))) {
        out.add(c);
      }
    }
    return out;
  }

  /** Column values as last loaded or flushed, indexed like the table's columns; or null. */
  public Object[] snapshot() {
    return snapshot;
  }

  /** Records the current column values as the database's. */
  public void takeSnapshot() {
    ModelMapping m = mapping();
    Object[] s = new Object[m.columns().size()];
    for (ColumnMapping c : m.columns()) {
      s[c.index()] = c.get(owner);
    }
    snapshot = s;
  }

  /** Sets the snapshot to values known to be in the database. */
  public void restoreSnapshot(Object[] values) {
    snapshot = values;
  }

  /** Whether the next load of this row overwrites the column fields ({@code session.expire}). */
  public boolean reloadColumns() {
    return reloadColumns;
  }

  /** Sets whether the next load of this row overwrites the column fields. */
  public void reloadColumns(boolean on) {
    reloadColumns = on;
  }

  /** Sets the column fields back to the snapshot, discarding unflushed changes. */
  public void restoreColumns() {
    if (snapshot == null) {
      return;
    }
    mapping().writeColumns(owner, snapshot);
  }

  /** Forgets the snapshot (the object has no row any more). */
  public void clearSnapshot() {
    snapshot = null;
  }

  /** The value of {@code column} as the database has it (snapshot), or the field if none. */
  public Object committedValue(ColumnMapping column) {
    return snapshot != null ? snapshot[column.index()] : column.get(owner);
  }

  /**
   * The group of objects this one was loaded with (owned by the query layer, which batches the lazy
   * loads of peers), or {@code null}.
   */
  public Object loadGroup() {
    return loadGroup;
  }

  /** Sets the group of objects this one was loaded with. */
  public void loadGroup(Object group) {
    this.loadGroup = group;
  }

  /**
   * Binds this object to {@code m}, the mapping of the session that takes it, unless it is bound
   * already; returns whether it is now bound to {@code m}. An object binds to the most recent
   * registry's mapping on its first use; one made with {@code new} and not used yet binds to its
   * session's.
   */
  public boolean bindMapping(ModelMapping m) {
    if (mapping == null) {
      mapping = m;
    }
    return mapping == m;
  }

  /** {@code Child(id=1, parentId=2)}: class name and column fields, never relationships. */
  public String describe() {
    ModelMapping m = mapping != null ? mapping : Mappings.of(owner.getClass());
    if (m == null) {
      return owner.getClass().getSimpleName()
          + "@"
          + Integer.toHexString(System.identityHashCode(owner));
    }
    StringBuilder b = new StringBuilder(m.name()).append('(');
    boolean first = true;
    String embedded = null; // an embedded value prints once, as itself, for its first column
    for (ColumnMapping c : m.columns()) {
      int dot = c.fieldName().indexOf('.');
      String name = dot < 0 ? c.fieldName() : c.fieldName().substring(0, dot);
      if (dot >= 0 && name.equals(embedded)) {
        continue;
      }
      embedded = dot < 0 ? null : name;
      if (!first) {
        b.append(", ");
      }
      first = false;
      Object v = dot < 0 ? c.get(owner) : m.embedded(name).get(owner);
      b.append(name).append('=');
      if (v instanceof byte[] bytes) {
        b.append("byte[").append(bytes.length).append(']');
      } else {
        b.append(v);
      }
    }
    return b.append(')').toString();
  }
}
