package dev.tether.query.internal;

import dev.tether.attribute.InstanceState;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.Metadata;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import dev.tether.sql.Executor;
import dev.tether.sql.SqlConnection;
import java.util.List;
import java.util.Map;

/**
 * What queries need from the session that runs them, implemented by the session package so that the
 * query layer never depends on it: the transaction's connection, autoflush, and the identity map
 * through which rows become objects. Not for applications.
 */
public interface QueryContext {
  /** The registry's mappings. */
  Metadata metadata();

  /** Runs SQL (and tells the statement listeners). */
  Executor executor();

  /** The current transaction's connection, begun on first use. */
  SqlConnection connection();

  /** Flushes pending changes if autoflush is on and any could change the result (queries). */
  void autoflush();

  /**
   * Before a lazy load: flushes if autoflush is on and something structural is pending (new,
   * deleted, re-linked objects); column-only changes wait for the next flush (see {@code
   * Session.setAutoflush}).
   */
  void autoflushBeforeLoad();

  /** Whether a flush is running (it may load what it needs, whatever the strategy). */
  boolean flushing();

  /**
   * The object for a row of {@code m} ({@code row} indexed like {@code m}'s columns): the session's
   * own when the row is in its identity map (unflushed changes win; an expired object is
   * refreshed), else a new persistent one; {@code null} when the session deleted it. With {@code
   * untracked} non-null the object is not put into the session but into that map (model → key →
   * object), detached.
   */
  Object hydrate(ModelMapping m, Object[] row, Map<Object, Object> untracked);

  /** The state of the in-memory object of {@code m} with primary key {@code key}, or null. */
  InstanceState inMemory(ModelMapping m, Object key);

  /** Keys per IN query for selectin and batched lazy loads. */
  int batchSize();

  /** Whether a lazy load also loads the same relationship of the object's peers. */
  boolean batchLazyLoads();

  /** A lazy load of {@code rel} served one object alone (the N+1 guard counts these). */
  void loadedAlone(RelationshipMapping rel, InstanceState owner);

  /**
   * A bulk UPDATE changed {@code values} in the rows of {@code m} whose keys are {@code keys}: the
   * session brings its objects of those rows up to date.
   */
  void bulkUpdated(ModelMapping m, List<Object[]> keys, Map<ColumnMapping, Object> values);

  /** A bulk DELETE removed the rows of {@code m} whose keys are {@code keys}. */
  void bulkDeleted(ModelMapping m, List<Object[]> keys);

  /** Whether the session holds any object of {@code m} (bulk statements then read keys first). */
  boolean holdsAny(ModelMapping m);

  /** Removes {@code model} from the session (streams that detach each chunk). */
  void detach(Object model);
}
