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
 * W8: n small units of work, each a new session (raw: a connection from the pool) that inserts one
 * parent with {@link #CHILDREN} children and commits: the fixed cost per transaction.
 */
public final class SmallTransactions extends Workload {
  static final int CHILDREN = 3;

  @Override
  public String id() {
    return "W8";
  }

  @Override
  public String title() {
    return "small transactions (1 parent + " + CHILDREN + " children, commit)";
  }

  @Override
  public List<String> variants() {
    return List.of("1p3c");
  }

  @Override
  public String scaleUnit() {
    return "transactions";
  }

  @Override
  public String opUnit() {
    return "transaction";
  }

  @Override
  public void seed(Env env, String variant, int n) {}

  @Override
  public long ops(String variant, int n) {
    return n;
  }

  @Override
  public Trial prepare(Impl impl, Env env, String variant, int n) {
    return switch (impl) {
      case RAW ->
          () -> {
            for (int i = 0; i < n; i++) {
              try (Connection c = env.data().getConnection()) {
                c.setAutoCommit(false);
                RParent p = new RParent(0, Data.parentName(i));
                List<RChild> kids = new ArrayList<>(CHILDREN);
                for (int j = 0; j < CHILDREN; j++) {
                  RChild ch = new RChild(0, 0, Data.childName(i, j), Data.val(i, j), Data.note(j));
                  ch.parent = p;
                  p.children.add(ch);
                  kids.add(ch);
                }
                RawSql.insertParents(c, List.of(p), 1);
                for (RChild ch : kids) {
                  ch.parentId = p.id;
                }
                RawSql.insertChildren(c, kids, CHILDREN);
                c.commit();
                c.setAutoCommit(true);
              }
            }
            return n;
          };
      case TETHER ->
          () -> {
            for (int i = 0; i < n; i++) {
              try (Session s = env.tether().session()) {
                TParent p = new TParent();
                p.name = Data.parentName(i);
                for (int j = 0; j < CHILDREN; j++) {
                  TChild c = new TChild();
                  c.name = Data.childName(i, j);
                  c.val = Data.val(i, j);
                  c.note = Data.note(j);
                  p.children.add(c);
                }
                s.add(p);
                s.commit();
              }
            }
            return n;
          };
      case HIBERNATE ->
          () -> {
            for (int i = 0; i < n; i++) {
              try (org.hibernate.Session s = env.hibernate().openSession()) {
                var tx = s.beginTransaction();
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
                tx.commit();
              }
            }
            return n;
          };
    };
  }
}
