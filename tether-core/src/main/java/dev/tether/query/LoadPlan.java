package dev.tether.query;

import dev.tether.QueryException;
import dev.tether.mapping.Loading;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The loading strategy of each relationship for the objects of one query level: the query's options
 * where given, else the relationship's declared {@code lazy}. A declared eager strategy (selectin,
 * joined) is not followed again along a path that already followed it, so that eager relationships
 * that lead back (a tree, both sides of a pair) stop instead of loading forever.
 */
final class LoadPlan {
  record Node(Loading strategy, LoadPlan nested) {}

  /** Declared strategies only: objects loaded without options. */
  static final LoadPlan DECLARED = new LoadPlan(Map.of(), Set.of());

  private final Map<RelationshipMapping, Node> explicit;
  private final Set<RelationshipMapping> path;

  private LoadPlan(Map<RelationshipMapping, Node> explicit, Set<RelationshipMapping> path) {
    this.explicit = explicit;
    this.path = path;
  }

  /** Resolves {@code options} against {@code model}; each must be a relationship of it. */
  static LoadPlan of(SqlWriter w, ModelMapping model, List<LoadOption<?, ?>> options) {
    if (options.isEmpty()) {
      return DECLARED;
    }
    Map<RelationshipMapping, Node> explicit = new IdentityHashMap<>();
    for (LoadOption<?, ?> o : options) {
      if (o.attribute.model() != model.type()) {
        throw new QueryException(
            "option-wrong-model",
            o
                + " applies to "
                + o.attribute.model().getSimpleName()
                + ", but here the objects are "
                + model.name()
                + "s. Nest it under the relationship that leads to "
                + o.attribute.model().getSimpleName()
                + ", e.g. Load.selectin("
                + model.name()
                + "_.xs).then("
                + o
                + ").");
      }
      RelationshipMapping rel = w.relationship(o.attribute);
      explicit.put(rel, new Node(o.strategy, of(w, rel.target(), o.nested)));
    }
    return new LoadPlan(explicit, Set.of());
  }

  /** How {@code rel} loads for objects of this level. */
  Loading strategy(RelationshipMapping rel) {
    Node n = explicit.get(rel);
    if (n != null) {
      return rel.loading() == Loading.WRITE_ONLY ? Loading.WRITE_ONLY : n.strategy();
    }
    Loading declared = rel.loading();
    boolean eager = declared == Loading.SELECTIN || declared == Loading.JOINED;
    return eager && path.contains(rel) ? Loading.SELECT : declared;
  }

  /** Whether the query gave {@code rel} an option (else the declared strategy applies). */
  boolean isExplicit(RelationshipMapping rel) {
    return explicit.containsKey(rel);
  }

  /** The plan of the objects that {@code rel} loads. */
  LoadPlan nested(RelationshipMapping rel) {
    Node n = explicit.get(rel);
    Set<RelationshipMapping> longer = new HashSet<>(path);
    longer.add(rel);
    if (rel.reverse() != null) {
      longer.add(rel.reverse()); // the way back is populated already
    }
    Map<RelationshipMapping, Node> inner = n == null ? Map.of() : n.nested().explicit;
    return new LoadPlan(inner, Set.copyOf(longer));
  }
}
