package dev.tether.session;

import dev.tether.Model;
import dev.tether.ModelListener;
import dev.tether.Session;
import dev.tether.SessionListener;
import dev.tether.StatementListener;
import dev.tether.fixtures.Blog.Comment;
import dev.tether.fixtures.Blog.Post;
import dev.tether.fixtures.Blog.Timestamped;
import dev.tether.testing.SqlText;
import java.util.ArrayList;
import java.util.List;

/**
 * Records lifecycle events and statements in one list, in the order they happen, so that a test
 * asserts the whole sequence: {@code "beforeInsert c1 id=null post=1 stamped"}, {@code "SQL INSERT
 * comment"}, {@code "afterCommit"}. A post is named by its title and a comment by its text; {@code
 * stamped} says the model's own hook (the blog's timestamps) ran before the listener.
 */
final class EventLog implements ModelListener<Model>, SessionListener, StatementListener {
  private final List<String> entries = new ArrayList<>();

  synchronized List<String> entries() {
    return List.copyOf(entries);
  }

  synchronized void clear() {
    entries.clear();
  }

  /** The entries that start with {@code prefix}. */
  synchronized List<String> only(String prefix) {
    return entries.stream().filter(e -> e.startsWith(prefix)).toList();
  }

  private synchronized void add(String entry) {
    entries.add(entry);
  }

  private void model(String event, Object o) {
    add(event + " " + describe(o));
  }

  static String describe(Object o) {
    String stamp = o instanceof Timestamped t && t.createdAt != null ? " stamped" : "";
    if (o instanceof Post p) {
      return p.title + " id=" + p.id + stamp;
    }
    if (o instanceof Comment c) {
      return c.text + " id=" + c.id + " post=" + c.postId + stamp;
    }
    return String.valueOf(o);
  }

  @Override
  public void onStatement(String sql, int rows) {
    String[] words = SqlText.plain(sql).split("[\\s(]+");
    String table = "";
    for (int i = 0; i < words.length - 1; i++) {
      if (List.of("INTO", "UPDATE", "FROM").contains(words[i])) {
        table = " " + words[i + 1];
        break;
      }
    }
    add("SQL " + words[0] + table);
  }

  @Override
  public void beforeInsert(Session session, Model model) {
    model("beforeInsert", model);
  }

  @Override
  public void afterInsert(Session session, Model model) {
    model("afterInsert", model);
  }

  @Override
  public void beforeUpdate(Session session, Model model) {
    model("beforeUpdate", model);
  }

  @Override
  public void afterUpdate(Session session, Model model) {
    model("afterUpdate", model);
  }

  @Override
  public void beforeDelete(Session session, Model model) {
    model("beforeDelete", model);
  }

  @Override
  public void afterDelete(Session session, Model model) {
    model("afterDelete", model);
  }

  @Override
  public void afterLoad(Session session, Model model) {
    model("afterLoad", model);
  }

  @Override
  public void beforeFlush(Session session) {
    add("beforeFlush");
  }

  @Override
  public void afterFlush(Session session) {
    add("afterFlush");
  }

  @Override
  public void afterCommit(Session session) {
    add("afterCommit");
  }

  @Override
  public void afterRollback(Session session) {
    add("afterRollback");
  }
}
