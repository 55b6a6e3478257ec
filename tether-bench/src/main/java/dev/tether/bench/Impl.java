package dev.tether.bench;

import java.util.Locale;

/** The contenders, all in one JVM on one {@link Env}. */
public enum Impl {
  /** Hand-written JDBC, the best technique per dialect (performance.md §7.1): the 1.0 baseline. */
  RAW,
  /** Tether in its default configuration. */
  TETHER,
  /** Hibernate ORM 7.4, stateful session, batching and pooled sequences (see {@link Env}). */
  HIBERNATE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Impl of(String label) {
    return valueOf(label.trim().toUpperCase(Locale.ROOT));
  }
}
