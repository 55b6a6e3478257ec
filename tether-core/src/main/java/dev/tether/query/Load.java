package dev.tether.query;

import dev.tether.mapping.Loading;
import java.util.List;

/**
 * Per-query loading strategies, the factories of {@link LoadOption}: pass them to {@link
 * Select#options}. Each overrides the relationship's declared {@code lazy} for the objects that
 * query loads (and, nested with {@code then}, for the objects those load).
 *
 * <ul>
 *   <li>{@link #selectin}: after the query, one {@code SELECT ... WHERE key IN (...)} per
 *       relationship (per chunk of keys under the database's parameter limit) loads it for every
 *       object of the result;
 *   <li>{@link #joined}: a {@code LEFT OUTER JOIN} in the query itself; parents repeated by the
 *       join are returned once;
 *   <li>{@link #lazy}: loaded on first use (with the object's peers from the same query, in one IN
 *       query, unless batching is off);
 *   <li>{@link #raise}: using it unloaded throws {@link dev.tether.LazyLoadException}, naming the
 *       option to add;
 *   <li>{@link #noload}: never loaded, reads as empty or null.
 * </ul>
 *
 * <pre>{@code
 * import static dev.tether.query.Load.*;
 * session.select(Parent.class).options(selectin(Parent_.children), raise(Parent_.owner)).list();
 * }</pre>
 */
public final class Load {
  private Load() {}

  /** Load {@code relationship} for the whole result with IN queries after the main one. */
  public static <M, T> LoadOption<M, T> selectin(RelationshipAttribute<M, T> relationship) {
    return new LoadOption<>(relationship, Loading.SELECTIN, List.of());
  }

  /** Load {@code relationship} in the main query through a LEFT OUTER JOIN. */
  public static <M, T> LoadOption<M, T> joined(RelationshipAttribute<M, T> relationship) {
    return new LoadOption<>(relationship, Loading.JOINED, List.of());
  }

  /** Load {@code relationship} on first use (the default strategy). */
  public static <M, T> LoadOption<M, T> lazy(RelationshipAttribute<M, T> relationship) {
    return new LoadOption<>(relationship, Loading.SELECT, List.of());
  }

  /** Refuse to load {@code relationship} on first use: throw instead of running SQL. */
  public static <M, T> LoadOption<M, T> raise(RelationshipAttribute<M, T> relationship) {
    return new LoadOption<>(relationship, Loading.RAISE, List.of());
  }

  /** Never load {@code relationship}: it reads as empty or null. */
  public static <M, T> LoadOption<M, T> noload(RelationshipAttribute<M, T> relationship) {
    return new LoadOption<>(relationship, Loading.NOLOAD, List.of());
  }

  /** The factory that makes {@code strategy}, for messages: {@code "selectin"}. */
  static String factoryName(Loading strategy) {
    return strategy == Loading.SELECT ? "lazy" : strategy.word();
  }
}
