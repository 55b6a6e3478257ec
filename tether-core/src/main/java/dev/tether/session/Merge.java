package dev.tether.session;

import dev.tether.attribute.CollectionAttribute;
import dev.tether.attribute.InstanceState;
import dev.tether.attribute.ScalarAttribute;
import dev.tether.mapping.Cascade;
import dev.tether.mapping.ColumnFill;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code session.merge(obj)}: copies the state of an object from outside the session (detached, or
 * of another session) onto the session's own object for the same row — found in the identity map,
 * loaded, or created — and follows relationships that cascade merge, each object once. Works on a
 * {@link Target}, the few things it needs of the session.
 */
final class Merge {
  /** What a merge needs of the session. */
  interface Target {
    /** Whether {@code s} is already this session's own object. */
    boolean holds(InstanceState s);

    /** The mapping of a model object, or an error naming its class. */
    ModelMapping mappingOf(Object model);

    /** The session's object for the row with {@code key}: from the identity map, else loaded. */
    Object find(ModelMapping m, Object key);

    /** Adds a new object (and what it cascades to) to the session. */
    void add(Object model);
  }

  private final Target target;

  Merge(Target target) {
    this.target = target;
  }

  /** The session's object that now carries {@code source}'s state. */
  Object merge(InstanceState source) {
    return merge(source, new IdentityHashMap<>());
  }

  private Object merge(InstanceState source, Map<Object, Object> done) {
    if (target.holds(source)) {
      return source.owner();
    }
    Object known = done.get(source.owner());
    if (known != null) {
      return known;
    }
    ModelMapping m = target.mappingOf(source.owner());
    Object key = Keys.of(m, source.owner());
    Object copy = key == null ? null : target.find(m, key);
    Object[] values = m.readColumns(source.owner());
    if (copy == null) {
      copy = m.newInstance();
      for (ColumnMapping c : m.columns()) {
        if (c.fill().insertedByDatabase()) { // the database writes those when the copy is inserted
          values[c.index()] = c.get(copy);
        }
      }
      m.writeColumns(copy, values);
      target.add(copy);
    } else {
      for (ColumnMapping c : m.columns()) {
        if (c.primaryKey() || c.fill() == ColumnFill.DATABASE_ALWAYS) { // keep the row's own
          values[c.index()] = c.get(copy);
        }
      }
      m.writeColumns(copy, values);
    }
    done.put(source.owner(), copy);
    InstanceState into = InstanceState.of(copy);
    source.forEachRelationship(
        (rel, c) -> {
          if (!rel.cascades(Cascade.MERGE) || rel.viewOnly()) {
            return;
          }
          if (c instanceof ScalarAttribute<?> one && one.isLoaded()) {
            Object v = one.peek();
            Object mergedValue = v == null ? null : merge(InstanceState.of(v), done);
            setScalar(into, rel, mergedValue);
          } else if (c instanceof CollectionAttribute<?> many && many.isLoaded()) {
            List<Object> wanted = new ArrayList<>();
            for (Object v : many.membersIfLoaded()) {
              wanted.add(merge(InstanceState.of(v), done));
            }
            replaceMembers(into, rel, wanted);
          }
        });
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static void setScalar(InstanceState into, RelationshipMapping rel, Object value) {
    ((ScalarAttribute<Object>) into.container(rel)).set(value);
  }

  /** Makes the collection hold exactly {@code wanted}, in order, through its synced List API. */
  @SuppressWarnings("unchecked")
  private static void replaceMembers(
      InstanceState into, RelationshipMapping rel, List<Object> wanted) {
    CollectionAttribute<Object> target = (CollectionAttribute<Object>) into.container(rel);
    java.util.Set<Object> keep = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    keep.addAll(wanted);
    target.removeIf(x -> !keep.contains(x));
    for (Object w : wanted) {
      target.add(w);
    }
  }
}
