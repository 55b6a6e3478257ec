package dev.tether.query.internal;

import dev.tether.attribute.InstanceState;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.Metadata;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import dev.tether.query.Delete;
import dev.tether.query.Expression;
import dev.tether.query.ManyAttribute;
import dev.tether.query.Select;
import dev.tether.query.Tuple2;
import dev.tether.query.Tuple3;
import dev.tether.query.Update;
import dev.tether.sql.Dialect;
import java.lang.invoke.MethodHandles;
import java.util.List;

/**
 * The session's door into {@code dev.tether.query}: builds the queries {@code Session} hands out
 * and runs lazy loads. Used by the session package only.
 *
 * <p>Why a door: {@code Select}, {@code Update} and {@code Delete} are public API, but their
 * factories take a {@link QueryContext}, which users must not see. The factories are therefore
 * package-private, and {@code dev.tether.query} installs a {@link Builder} that calls them when
 * {@code Select} is initialized — the pattern of {@code InstanceState.installAccess} and the JDK's
 * {@code SharedSecrets}. The module does not export this package, so user code cannot call it.
 */
public final class Queries {
  private static volatile Builder builder;

  private Queries() {}

  /** What {@code dev.tether.query} implements; installed once by {@code Select}. */
  public interface Builder {
    <T> Select<T> select(QueryContext ctx, Class<T> model);

    <M, T> Select<T> members(QueryContext ctx, ManyAttribute<M, T> relationship, M owner);

    <A> Select<A> select(QueryContext ctx, Expression<A> a);

    <A, B> Select<Tuple2<A, B>> select(QueryContext ctx, Expression<A> a, Expression<B> b);

    <A, B, C> Select<Tuple3<A, B, C>> select(
        QueryContext ctx, Expression<A> a, Expression<B> b, Expression<C> c);

    <T> Update<T> bulkUpdate(QueryContext ctx, Class<T> model);

    <T> Delete<T> bulkDelete(QueryContext ctx, Class<T> model);

    List<Object> loadCollection(QueryContext ctx, InstanceState owner, RelationshipMapping rel);

    Object loadReference(QueryContext ctx, InstanceState owner, RelationshipMapping rel);

    void afterGet(QueryContext ctx, Object object, ModelMapping model);

    String selectWhere(
        Dialect dialect,
        Metadata metadata,
        ModelMapping m,
        List<ColumnMapping> where,
        List<RelationshipMapping.Ordering> order);
  }

  /** Called once, by {@code Select}'s class initializer. */
  public static void install(Builder implementation) {
    builder = implementation;
  }

  /** A select of {@code model} objects (the session's {@code select(Class)}). */
  public static <T> Select<T> select(QueryContext ctx, Class<T> model) {
    return builder().select(ctx, model);
  }

  /** A select of the members of {@code owner}'s {@code relationship}, in its declared order. */
  public static <M, T> Select<T> members(
      QueryContext ctx, ManyAttribute<M, T> relationship, M owner) {
    return builder().members(ctx, relationship, owner);
  }

  /** A select of one value per row. */
  public static <A> Select<A> select(QueryContext ctx, Expression<A> a) {
    return builder().select(ctx, a);
  }

  /** A select of two values per row. */
  public static <A, B> Select<Tuple2<A, B>> select(
      QueryContext ctx, Expression<A> a, Expression<B> b) {
    return builder().select(ctx, a, b);
  }

  /** A select of three values per row. */
  public static <A, B, C> Select<Tuple3<A, B, C>> select(
      QueryContext ctx, Expression<A> a, Expression<B> b, Expression<C> c) {
    return builder().select(ctx, a, b, c);
  }

  /** A bulk update of {@code model} rows (the session's {@code bulkUpdate(Class)}). */
  public static <T> Update<T> bulkUpdate(QueryContext ctx, Class<T> model) {
    return builder().bulkUpdate(ctx, model);
  }

  /** A bulk delete of {@code model} rows (the session's {@code bulkDelete(Class)}). */
  public static <T> Delete<T> bulkDelete(QueryContext ctx, Class<T> model) {
    return builder().bulkDelete(ctx, model);
  }

  /** Loads {@code rel} of {@code owner} on first use: its members (its peers' are set on them). */
  public static List<Object> loadCollection(
      QueryContext ctx, InstanceState owner, RelationshipMapping rel) {
    return builder().loadCollection(ctx, owner, rel);
  }

  /** Loads {@code rel} of {@code owner} on first use: its target, or null. */
  public static Object loadReference(
      QueryContext ctx, InstanceState owner, RelationshipMapping rel) {
    return builder().loadReference(ctx, owner, rel);
  }

  /** Loads the declared eager relationships of {@code object}, just read by {@code session.get}. */
  public static void afterGet(QueryContext ctx, Object object, ModelMapping model) {
    builder().afterGet(ctx, object, model);
  }

  /**
   * The SELECT of {@code m}'s rows by equality on {@code where}, ordered by {@code order}, in the
   * shape every load of rows renders (a {@code get} and a lazy load of one row send the same SQL).
   * One {@code ?} per {@code where} column, in order.
   */
  public static String selectWhere(
      Dialect dialect,
      Metadata metadata,
      ModelMapping m,
      List<ColumnMapping> where,
      List<RelationshipMapping.Ordering> order) {
    return builder().selectWhere(dialect, metadata, m, where, order);
  }

  private static Builder builder() {
    Builder b = builder;
    if (b == null) {
      // Select's class initializer installs the builder; a session's first query may come before
      // anything has touched Select (a lazy load, a get), so initialize it here.
      try {
        MethodHandles.lookup().ensureInitialized(Select.class);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
      b = builder;
    }
    return b;
  }
}
