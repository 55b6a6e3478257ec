package dev.tether.bench.workload;

import dev.tether.Session;
import dev.tether.bench.Env;
import dev.tether.bench.Impl;
import dev.tether.bench.Trial;
import dev.tether.bench.Workload;
import dev.tether.bench.model.Data;
import dev.tether.bench.model.HChild;
import dev.tether.bench.model.HParent;
import dev.tether.bench.model.RChild;
import dev.tether.bench.model.RParent;
import dev.tether.bench.model.TChild;
import dev.tether.bench.model.TParent;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * W1: build n parents with {@link #CHILDREN} children each through the relationship, save them in
 * one transaction with one flush; every object ends with its generated key. The timed part includes
 * building the objects, for every contender.
 *
 * <p>Hibernate flushes once too, not with its batch recipe ({@code flush(); clear()} every 1000):
 * on SQLite its table-emulated sequence allocates keys on a second connection, which cannot write
 * once the session's connection holds the write lock after a first flush (SQLITE_BUSY).
 */
public final class GraphInsert extends Workload {
  static final int CHILDREN = 10;

  @Override
  public String id() {
    return "W1";
  }

  @Override
  public String title() {
    return "graph insert through relationships (" + CHILDREN + " children per parent)";
  }

  @Override
  public List<String> variants() {
    return List.of("m10");
  }

  @Override
  public String scaleUnit() {
    return "parents";
  }

  @Override
  public String opUnit() {
    return "row";
  }

  @Override
  public void seed(Env env, String variant, int n) {}

  @Override
  public long ops(String variant, int n) {
    return (long) n * (1 + CHILDREN);
  }

  @Override
  public Trial prepare(Impl impl, Env env, String variant, int n) {
    return switch (impl) {
      case RAW -> () -> raw(env, n);
      case TETHER -> () -> tether(env, n);
      case HIBERNATE -> () -> hibernate(env, n);
    };
  }

  private static long raw(Env env, int n) throws Exception {
    List<RParent> parents = new ArrayList<>(n);
    List<RChild> children = new ArrayList<>(n * CHILDREN);
    for (int i = 0; i < n; i++) {
      RParent p = new RParent(0, Data.parentName(i));
      for (int j = 0; j < CHILDREN; j++) {
        RChild c = new RChild(0, 0, Data.childName(i, j), Data.val(i, j), Data.note(j));
        c.parent = p;
        p.children.add(c);
        children.add(c);
      }
      parents.add(p);
    }
    int chunk = env.db() == dev.tether.bench.Db.SQLITE ? 100 : 1000;
    try (Connection c = env.data().getConnection()) {
      c.setAutoCommit(false);
      RawSql.insertParents(c, parents, chunk);
      for (RChild ch : children) {
        ch.parentId = ch.parent.id;
      }
      RawSql.insertChildren(c, children, chunk);
      c.commit();
      c.setAutoCommit(true);
    }
    long keyed = 0;
    for (RParent p : parents) {
      keyed += p.id > 0 ? 1 : 0;
    }
    for (RChild ch : children) {
      keyed += ch.id > 0 && ch.parentId == ch.parent.id ? 1 : 0;
    }
    return keyed;
  }

  private static long tether(Env env, int n) {
    List<TParent> parents = new ArrayList<>(n);
    List<TChild> children = new ArrayList<>(n * CHILDREN);
    try (Session s = env.tether().session()) {
      for (int i = 0; i < n; i++) {
        TParent p = new TParent();
        p.name = Data.parentName(i);
        for (int j = 0; j < CHILDREN; j++) {
          TChild c = new TChild();
          c.name = Data.childName(i, j);
          c.val = Data.val(i, j);
          c.note = Data.note(j);
          p.children.add(c);
          children.add(c);
        }
        s.add(p);
        parents.add(p);
      }
      s.commit();
    }
    long keyed = 0;
    for (int i = 0; i < n; i++) {
      TParent p = parents.get(i);
      keyed += p.id != null ? 1 : 0;
      for (int j = 0; j < CHILDREN; j++) {
        TChild c = children.get(i * CHILDREN + j);
        keyed += c.id != null && p.id.equals(c.parentId) ? 1 : 0;
      }
    }
    return keyed;
  }

  private static long hibernate(Env env, int n) {
    List<HParent> parents = new ArrayList<>(n);
    try (org.hibernate.Session s = env.hibernate().openSession()) {
      var tx = s.beginTransaction();
      for (int i = 0; i < n; i++) {
        HParent p = new HParent();
        p.name = Data.parentName(i);
        for (int j = 0; j < CHILDREN; j++) {
          HChild c = new HChild();
          c.name = Data.childName(i, j);
          c.val = Data.val(i, j);
          c.note = Data.note(j);
          p.addChild(c);
        }
        s.persist(p);
        parents.add(p);
      }
      tx.commit();
    }
    long keyed = 0;
    for (HParent p : parents) {
      keyed += p.id != null ? 1 : 0;
      for (HChild c : p.children) {
        keyed += c.id != null && c.parent == p ? 1 : 0;
      }
    }
    return keyed;
  }
}
