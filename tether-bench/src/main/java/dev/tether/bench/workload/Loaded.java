package dev.tether.bench.workload;

import dev.tether.Session;
import dev.tether.bench.Env;
import dev.tether.bench.model.HChild;
import dev.tether.bench.model.HParent;
import dev.tether.bench.model.RChild;
import dev.tether.bench.model.TChild;
import dev.tether.bench.model.TParent;
import dev.tether.bench.model.TParent_;
import dev.tether.query.Load;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Untimed starting states shared by W4, W5 and W6: children loaded into an open session through
 * their parents' collections, or read by the raw contender in one SELECT.
 */
final class Loaded {
  private Loaded() {}

  /** Heap in use after a full collection, for the bytes-per-entity figure. */
  static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  /**
   * The parents' children, through their loaded collections (the parents and collections stay in
   * the session), ordered by id. Two queries per 500 parents: {@code Load.selectin}.
   */
  static List<TChild> tether(Session s, long fromParent, long toParent) {
    List<TChild> out = new ArrayList<>();
    for (TParent p :
        s.select(TParent.class)
            .where(TParent_.id.between(fromParent, toParent))
            .options(Load.selectin(TParent_.children))
            .list()) {
      out.addAll(p.children);
    }
    out.sort(Comparator.comparingLong(c -> c.id));
    return out;
  }

  /** The same for Hibernate, with {@code left join fetch}. */
  static List<HChild> hibernate(org.hibernate.Session s, long fromParent, long toParent) {
    List<HChild> out = new ArrayList<>();
    for (HParent p :
        s.createSelectionQuery(
                "select distinct p from HParent p left join fetch p.children"
                    + " where p.id between :a and :b",
                HParent.class)
            .setParameter("a", fromParent)
            .setParameter("b", toParent)
            .list()) {
      out.addAll(p.children);
    }
    out.sort(Comparator.comparingLong(c -> c.id));
    return out;
  }

  static List<RChild> raw(Connection c, long fromParent, long toParent) throws Exception {
    List<RChild> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + RawSql.CHILD_COLUMNS
                + " FROM child WHERE parent_id BETWEEN ? AND ? ORDER BY id")) {
      ps.setLong(1, fromParent);
      ps.setLong(2, toParent);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(RawSql.child(rs));
        }
      }
    }
    return out;
  }

  /** Opens a connection in a transaction, for a raw trial that spans prepare and run. */
  static Connection rawTransaction(Env env) throws Exception {
    Connection c = env.data().getConnection();
    c.setAutoCommit(false);
    return c;
  }

  static void end(Connection c) throws java.sql.SQLException {
    c.rollback();
    c.setAutoCommit(true);
    c.close();
  }
}
