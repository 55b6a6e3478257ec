package dev.tether.query;

import dev.tether.LazyLoadException;
import dev.tether.attribute.CollectionAttribute;
import dev.tether.attribute.InstanceState;
import dev.tether.mapping.Loading;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import dev.tether.query.internal.QueryContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a relationship on first use, as the strategy of the object's query (or the declared {@code
 * lazy}) says: refuses with {@code raise} and {@code write_only}, reads nothing with {@code
 * noload}, and otherwise loads it with one IN query for the object and up to a batch of its peers
 * from the same query whose same relationship is unloaded too. Called by the session through {@link
 * QueryDoor}.
 */
final class LazyLoader {
  private LazyLoader() {}

  /** The members of {@code rel} for {@code owner} (its peers' are set on them). */
  static List<Object> loadCollection(
      QueryContext ctx, InstanceState owner, RelationshipMapping rel) {
    return load(ctx, owner, rel);
  }

  /**
   * Loads the declared eager relationships ({@code lazy = "selectin"} or {@code "joined"}) of
   * {@code object}, which {@code session.get} has just read by its key.
   */
  static void afterGet(QueryContext ctx, Object object, ModelMapping model) {
    EntityFetch.afterGet(ctx, object, model);
  }

  /** The target of {@code rel} for {@code owner}, or null. */
  static Object loadReference(QueryContext ctx, InstanceState owner, RelationshipMapping rel) {
    List<Object> found = load(ctx, owner, rel);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Object> load(QueryContext ctx, InstanceState owner, RelationshipMapping rel) {
    LoadGroup group = LoadGroup.of(owner);
    LoadPlan plan = group == null ? LoadPlan.DECLARED : group.plan;
    Loading strategy = plan.strategy(rel);
    if (!ctx.flushing()) {
      switch (strategy) {
        case RAISE -> throw raise(owner, rel, plan.isExplicit(rel));
        case WRITE_ONLY -> throw writeOnly(owner, rel);
        case NOLOAD -> {
          return List.of();
        }
        default -> {}
      }
    }
    ctx.autoflushBeforeLoad();
    List<InstanceState> owners = new ArrayList<>();
    owners.add(owner);
    boolean batch = group != null && group.batch && ctx.batchLazyLoads() && !ctx.flushing();
    if (batch) {
      owners.addAll(group.unloadedPeers(owner, rel, ctx.batchSize()));
    }
    if (owners.size() == 1 && !ctx.flushing()) {
      ctx.loadedAlone(rel, owner);
    }
    boolean nestedBatch = group == null || group.batch;
    return RelationshipLoader.load(ctx, rel, owners, plan.nested(rel), null, nestedBatch, owner)
        .get(owner);
  }

  private static LazyLoadException raise(
      InstanceState owner, RelationshipMapping rel, boolean byQuery) {
    String model = rel.owner().name();
    return new LazyLoadException(
        rel.qualifiedName()
            + " of "
            + owner.describe()
            + " is not loaded, and "
            + (byQuery
                ? "the query that loaded it said Load.raise(" + model + "_." + rel.name() + ")"
                : "it is declared lazy = \"raise\"")
            + ": Tether refuses to load it on first use, so that a loop over many objects cannot"
            + " run one query each. Load it with the query: add"
            + " .options(Load.selectin("
            + model
            + "_."
            + rel.name()
            + ")) (or Load.joined) to the select that fetches the "
            + model
            + " objects.");
  }

  private static LazyLoadException writeOnly(InstanceState owner, RelationshipMapping rel) {
    return CollectionAttribute.writeOnlyRead(owner, rel);
  }
}
