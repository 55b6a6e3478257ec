package dev.tether.spring;

import dev.tether.Database;
import dev.tether.Session;
import dev.tether.fixtures.BackPopulates.Child;
import dev.tether.fixtures.BackPopulates.Parent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A service as an application writes one: {@code @Transactional} methods that use the injected
 * {@link Session} (and once {@link TetherSessions#current}), sometimes beside a {@link
 * JdbcTemplate}. {@link Inner} holds the methods with their own propagation, called through its
 * proxy.
 */
public class Shop {
  private final Session session;
  private final Database database;
  private final JdbcTemplate jdbc;
  private final Inner inner;

  /** What a method saw inside its transaction (read through getters: this bean is a proxy). */
  private long seenBeforeFlush;

  private long seenAfterFlush;
  private boolean sameSessionAfterInner;

  public Shop(Session session, Database database, JdbcTemplate jdbc, Inner inner) {
    this.session = session;
    this.database = database;
    this.jdbc = jdbc;
    this.inner = inner;
  }

  public long seenBeforeFlush() {
    return seenBeforeFlush;
  }

  public long seenAfterFlush() {
    return seenAfterFlush;
  }

  public boolean sameSessionAfterInner() {
    return sameSessionAfterInner;
  }

  @Transactional
  public Parent add(String name) {
    Parent p = new Parent(name);
    p.children.add(new Child(name + "'s child"));
    session.add(p);
    return p;
  }

  @Transactional
  public Parent addThenFail(String name) {
    Parent p = add(name);
    session.flush();
    throw new IllegalStateException("failing after " + p);
  }

  @Transactional
  public void rename(int id, String name) {
    TetherSessions.current(database).get(Parent.class, id).name = name;
  }

  /** A JdbcTemplate insert and a Tether insert in one transaction; fails at the end if asked. */
  @Transactional
  public Parent withJdbc(String name, boolean fail) {
    jdbc.update("INSERT INTO bp_parent (name) VALUES (?)", name + " by jdbc");
    Parent p = new Parent(name);
    session.add(p);
    seenBeforeFlush = jdbc.queryForObject("SELECT COUNT(*) FROM bp_parent", Long.class);
    session.flush();
    seenAfterFlush = jdbc.queryForObject("SELECT COUNT(*) FROM bp_parent", Long.class);
    if (fail) {
      throw new IllegalStateException("rolling back both");
    }
    return p;
  }

  @Transactional(readOnly = true)
  public String read(int id) {
    return session.get(Parent.class, id).name;
  }

  @Transactional(readOnly = true)
  public void renameInReadOnly(int id, String name) {
    session.get(Parent.class, id).name = name;
  }

  @Transactional
  public void commitItself() {
    session.add(new Parent("committed by hand"));
    session.commit();
  }

  /**
   * A JdbcTemplate insert, then a Tether flush that fails (a duplicate key) and that this method
   * swallows: the transaction must not commit half of it.
   */
  @Transactional
  public void swallowAFailedFlush(int takenId) {
    jdbc.update("INSERT INTO bp_parent (name) VALUES (?)", "by jdbc");
    session.add(new Parent("fine"));
    Parent duplicate = new Parent("duplicate");
    duplicate.id = takenId;
    session.add(duplicate);
    try {
      session.flush();
    } catch (dev.tether.IntegrityException swallowed) {
      // the application goes on as if nothing happened
    }
  }

  /** Adds {@code kept}; a nested transaction's flush fails on a duplicate key; commits. */
  @Transactional
  public Parent nestedFlushFails(String kept, int takenId) {
    Parent p = new Parent(kept);
    session.add(p);
    try {
      inner.addNestedDuplicate(takenId);
    } catch (dev.tether.IntegrityException expected) {
      // back to the savepoint: the failed flush's writes are undone, the transaction goes on
    }
    return p;
  }

  /** Adds {@code outer}, has {@link Inner} commit {@code inner} on its own, then fails. */
  @Transactional
  public void requiresNewThenFail(String outer, String inner) {
    Session before = TetherSessions.current(database);
    session.add(new Parent(outer));
    this.inner.addInNewTransaction(inner);
    sameSessionAfterInner = TetherSessions.current(database) == before;
    throw new IllegalStateException("the outer transaction rolls back");
  }

  /** Adds {@code kept}, then a nested transaction that adds {@code dropped} and fails. */
  @Transactional
  public Parent nested(String kept, Parent dropped) {
    Parent p = new Parent(kept);
    session.add(p);
    try {
      inner.addNestedThenFail(dropped);
    } catch (IllegalStateException expected) {
      // back to the savepoint; the outer transaction goes on
    }
    return p;
  }

  /** The methods with a propagation of their own (a call through the proxy applies it). */
  public static class Inner {
    private final Session session;

    public Inner(Session session) {
      this.session = session;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void addInNewTransaction(String name) {
      session.add(new Parent(name));
    }

    @Transactional(propagation = Propagation.NESTED)
    public void addNestedDuplicate(int takenId) {
      session.add(new Parent("fine in nested"));
      Parent duplicate = new Parent("duplicate");
      duplicate.id = takenId;
      session.add(duplicate);
      session.flush();
    }

    @Transactional(propagation = Propagation.NESTED)
    public void addNestedThenFail(Parent p) {
      session.add(p);
      session.flush();
      throw new IllegalStateException("rolling back to the savepoint");
    }
  }
}
