package dev.tether.bench;

import java.util.List;

/**
 * A benchmark workload (performance.md §7.3): how to bring the database to its starting state, how
 * many operations a run performs, and each contender's {@link Trial}.
 */
public abstract class Workload {
  /** {@code W1} ... {@code W8}. */
  public abstract String id();

  public abstract String title();

  /** The variants this workload runs, e.g. {@code loaded} and {@code unloaded}. */
  public abstract List<String> variants();

  /** What {@code n} counts, for the report ("parents", "children per collection", ...). */
  public abstract String scaleUnit();

  /** What one operation is, for the report ("row", "move", "transaction", ...). */
  public abstract String opUnit();

  /**
   * True when no contender's run writes to the database: the runner then seeds (and checksums the
   * database) once per scale point instead of before every run.
   */
  public boolean readsOnly() {
    return false;
  }

  /** Untimed: seeds the emptied database for a run at scale {@code n}. */
  public abstract void seed(Env env, String variant, int n) throws Exception;

  /** Operations one run performs (rows written, lookups, moves ...). */
  public abstract long ops(String variant, int n);

  /** Untimed preparation of {@code impl}'s run. */
  public abstract Trial prepare(Impl impl, Env env, String variant, int n) throws Exception;
}
