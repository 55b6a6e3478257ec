package dev.tether.attribute;

import dev.tether.One;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.Direction;
import dev.tether.mapping.RelationshipMapping;

/**
 * The container behind every {@link One}: a single reference with a loaded flag and a changed flag
 * for the flush. A persistent object's reference starts unloaded and resolves on first {@link
 * #get()}; its previous value is found without SQL when sync needs it (the committed foreign key
 * looked up in the identity map).
 *
 * @param <T> the related model
 */
public final class ScalarAttribute<T> implements One<T>, RelationshipContainer {
  private final InstanceState state;
  private RelationshipMapping rel;
  private Object value;
  private boolean loaded = true;
  private boolean changed;

  /** Created by {@code Model.one()}. */
  public ScalarAttribute(InstanceState state) {
    this.state = state;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get() {
    bound();
    if (!loaded) {
      load();
    }
    return (T) value;
  }

  @Override
  public void set(T newValue) {
    bound();
    if (newValue != null) {
      Sync.checkTarget(rel, newValue);
      Sync.checkSessions(state, rel, newValue);
    }
    Object old = peek();
    boolean wasLoaded = loaded;
    if (old == newValue && wasLoaded) {
      return;
    }
    value = newValue;
    loaded = true;
    changed = true;
    state.changed();
    if (old == newValue) {
      return;
    }
    if (old != null) {
      Sync.unlinked(state, rel, old);
    }
    if (newValue != null) {
      Sync.linked(state, rel, newValue);
    }
  }

  @Override
  public Object linkRaw(Object other) {
    bound();
    Object old = peek();
    if (old == other && loaded) {
      return null;
    }
    value = other;
    loaded = true;
    changed = true;
    state.changed();
    return old == other ? null : old;
  }

  @Override
  public void unlinkRaw(Object other) {
    bound();
    if (peek() == other) {
      value = null;
      loaded = true;
      changed = true;
      state.changed();
    }
  }

  /**
   * The current value without SQL: the loaded value, or for an unloaded many-to-one the object its
   * committed foreign key names if that object is in memory; otherwise {@code null}.
   */
  public Object peek() {
    bound();
    if (loaded) {
      return value;
    }
    if (rel.direction() == Direction.MANY_TO_ONE && state.session() != null) {
      ColumnMapping fk = rel.foreignKey();
      Object key = state.committedValue(fk);
      if (key == null) {
        value = null;
        loaded = true;
        return null;
      }
      if (fk.references().isIdentity()) {
        return state.session().identity(rel.target(), key);
      }
    }
    return null;
  }

  /** Sets the value as loaded from the database: no history, no sync. */
  public void setCommitted(Object v) {
    bound();
    value = v;
    loaded = true;
    changed = false;
  }

  /** Whether the value was written since the last flush. */
  public boolean changed() {
    return changed;
  }

  /** The relationship this container holds (tether-jackson writes a reference found on its own). */
  public RelationshipMapping relationship() {
    bound();
    return rel;
  }

  @Override
  public boolean isLoaded() {
    return loadedNow();
  }

  /** The loaded flag for a read that does not bind: an expiry may wait for the first bind. */
  private boolean loadedNow() {
    if (rel == null) {
      state.settle();
    }
    return loaded;
  }

  @Override
  public void expire() {
    value = null;
    loaded = false;
    changed = false;
  }

  @Override
  public void flushed() {
    changed = false;
  }

  @Override
  public void bind(InstanceState owner, RelationshipMapping relationship) {
    this.rel = relationship;
  }

  @Override
  public boolean belongsTo(InstanceState s) {
    return s == state;
  }

  private void bound() {
    if (rel == null) {
      state.bind();
    }
  }

  private void load() {
    SessionLink s = state.session();
    if (s == null) {
      throw Sync.detached(state, rel);
    }
    Object v = s.loadReference(state, rel);
    value = v;
    loaded = true;
    changed = false;
  }

  @Override
  public String toString() {
    if (!loadedNow() && state.session() == null) {
      return "<" + (rel == null ? "relationship" : rel.qualifiedName()) + " not loaded>";
    }
    return String.valueOf(get());
  }
}
