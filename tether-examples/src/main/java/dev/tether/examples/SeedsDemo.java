package dev.tether.examples;

import dev.tether.Database;
import dev.tether.Many;
import dev.tether.MappingException;
import dev.tether.One;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.examples.ArticlesAndTags.Article;
import dev.tether.examples.ArticlesAndTags.Tag;
import dev.tether.examples.Tree.Node;
import dev.tether.query.Load;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A two-minute tour of the three ways to wire {@code Parent.children} and {@code Child.parent} —
 * neither, {@code backPopulates}, {@code backref} — then seed 000's mistake, a round trip through
 * an SQLite file, a many-to-many, a self-referential tree and the statements that loading
 * strategies cost, printed like the seeds' REPL transcripts: {@code >>> code}, then its value, with
 * every SQL statement as it runs.
 *
 * <p>Run it from the repository root:
 *
 * <pre>{@code
 * mvn -q -DskipTests -pl tether-examples -am package exec:java
 * }</pre>
 *
 * The database file ({@code tether-examples/target/tether-demo.db}, or the system property {@code
 * tether.demo.db}) is deleted first, so every run prints the same thing. The models are in this
 * package, one file per wiring ({@link Neither}, {@link BackPopulates}, {@link BackrefOnChild},
 * {@link BackrefOnParent}, {@link Mistakes}), all mapping the same two tables, then {@link
 * ArticlesAndTags} and {@link Tree}.
 */
public final class SeedsDemo {
  private static final PrintStream OUT = System.out;
  private static final int WIDTH = 100;

  private SeedsDemo() {}

  /** Runs the tour. */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(System.getProperty("tether.demo.db", "target/tether-demo.db"));
    deleteDatabase(file);
    String url = "jdbc:sqlite:" + Path.of("").toAbsolutePath().relativize(file.toAbsolutePath());

    OUT.println("Tether: neither / backPopulates / backref, the seeds' three scenarios in Java");
    Wired<Neither.Child> neither = neither();
    Wired<BackPopulates.Parent> backPopulates = backPopulates();
    Wired<BackrefOnChild.Parent> backref = backref();
    mistakes();
    persistAndReload(url, backPopulates);
    otherWirings(url, neither, backref);
    manyToMany(url);
    selfReferential(url);
    loadingStrategies(url);
  }

  /** What an in-memory section hands to the persistence sections: its models and its objects. */
  private record Wired<T>(Registry models, T object) {}

  // ---- 1. neither ------------------------------------------------------------------------------

  private static Wired<Neither.Child> neither() {
    heading("1. Neither backPopulates nor backref");
    model("Parent", "@Relationship Many<Child> children = many();");
    model("Child", "@Relationship One<Parent> parent = one();");
    Registry models = registry(Neither.Parent.class, Neither.Child.class);
    echo("Parent parent = new Parent(); Child child = new Child()");
    var parent = new Neither.Parent();
    var child = new Neither.Child();
    echo("child.parent.set(parent)");
    child.parent.set(parent);
    show("parent.children", () -> parent.children);
    note("two independent relationships: writing one never touches the other");
    return new Wired<>(models, child);
  }

  // ---- 2. backPopulates ------------------------------------------------------------------------

  private static Wired<BackPopulates.Parent> backPopulates() {
    heading("2. backPopulates on both sides, each naming the other");
    model("Parent", "@Relationship(backPopulates = \"parent\") Many<Child> children = many();");
    model("Child", "@Relationship(backPopulates = \"children\") One<Parent> parent = one();");
    Registry models = registry(BackPopulates.Parent.class, BackPopulates.Child.class);
    echo("Parent parent = new Parent(); Child child = new Child()");
    var parent = new BackPopulates.Parent();
    var child = new BackPopulates.Child();
    echo("child.parent.set(parent)");
    child.parent.set(parent);
    show("parent.children", () -> parent.children);
    echo("Child child2 = new Child()");
    var child2 = new BackPopulates.Child();
    echo("parent.children.add(child2)");
    parent.children.add(child2);
    show("child2.parent.get()", () -> child2.parent.get());
    show("parent.children.add(child2)", () -> parent.children.add(child2));
    note("false: Many is an ordered set, an element is never there twice");
    return new Wired<>(models, parent);
  }

  // ---- 3. backref ------------------------------------------------------------------------------

  private static Wired<BackrefOnChild.Parent> backref() {
    heading("3. backref on one side only: Registry.of creates the other side");
    model("Parent", "(no relationship field)");
    model("Child", "@Relationship(backref = \"children\") One<Parent> parent = one();");
    Registry models = registry(BackrefOnChild.Parent.class, BackrefOnChild.Child.class);
    echo("Parent parent = new Parent(); Child child = new Child()");
    var parent = new BackrefOnChild.Parent();
    var child = new BackrefOnChild.Child();
    echo("child.parent.set(parent)");
    child.parent.set(parent);
    show("Parent_.children(parent)", () -> BackrefOnChild_Parent_.children(parent));
    note("Parent_ is generated at compile time: the backref, typed (by name: parent.related(...))");
    echo("Child child2 = new Child(); Many<Child> kids = Parent_.children(parent)");
    var child2 = new BackrefOnChild.Child();
    Many<BackrefOnChild.Child> kids = BackrefOnChild_Parent_.children(parent);
    echo("kids.add(child2)");
    kids.add(child2);
    show("child2.parent.get()", () -> child2.parent.get());
    note("two-way, like backPopulates (seed 002 says the child \"remains unaware\": it does not)");

    OUT.println();
    note("the other way round, as in seed 001:");
    model("Parent", "@Relationship(backref = \"parent\") Many<Child> children = many();");
    model("Child", "(no relationship field, only @ForeignKey(\"parent.id\") Integer parentId)");
    registry(BackrefOnParent.Parent.class, BackrefOnParent.Child.class);
    echo("Parent parent = new Parent(); Child child = new Child()");
    var p = new BackrefOnParent.Parent();
    var c = new BackrefOnParent.Child();
    echo("parent.children.add(child)");
    p.children.add(c);
    show("Child_.parent(child).get()", () -> BackrefOnParent_Child_.parent(c).get());
    echo("One<Parent> itsParent = Child_.parent(child)");
    One<BackrefOnParent.Parent> itsParent = BackrefOnParent_Child_.parent(c);
    echo("itsParent.set(null)");
    itsParent.set(null);
    show("parent.children", () -> p.children);
    return new Wired<>(models, parent);
  }

  // ---- 4. seed 000's mistake -------------------------------------------------------------------

  private static void mistakes() {
    heading("4. Seed 000's mistake: backPopulates on one side only, or misspelt");
    model("Parent", "@Relationship Many<Child> children = many();");
    model("Child", "@Relationship(backPopulates = \"children\") One<Parent> parent = one();");
    registry(Mistakes.OneSided.Parent.class, Mistakes.OneSided.Child.class);
    OUT.println();
    model("Parent", "@Relationship(backPopulates = \"parnt\") Many<Child> children = many();");
    model("Child", "@Relationship(backPopulates = \"children\") One<Parent> parent = one();");
    registry(Mistakes.Typo.Parent.class, Mistakes.Typo.Child.class);
    note("SQLAlchemy accepts the first silently and syncs one direction only");
    note("with tether-processor on, javac refuses both before the program runs (README); these");
    note("models opt out with @SuppressWarnings(\"tether\") to show the check Registry.of makes");
  }

  // ---- 5. persistence --------------------------------------------------------------------------

  private static void persistAndReload(String url, Wired<BackPopulates.Parent> wired) {
    heading("5. Persist, reload, delete: the backPopulates objects of section 2");
    var parent = wired.object();
    var child = parent.children.get(0);
    echo("Database db = Database.open(\"" + url + "\", models)");
    try (Database db = open(url, wired.models())) {
      echo("db.createAll()");
      db.createAll();
      try (Session session = db.session()) {
        echo("session.add(parent); session.commit()");
        session.add(parent);
        session.commit();
        note("save-update cascade: both children came along, inserted after the parent");
        show("child.parentId", () -> child.parentId);
      }
      echo("session.close(); session = db.session()");
      try (Session session = db.session()) {
        echo("Parent loaded = session.get(Parent.class, " + parent.id + ")");
        var loaded = session.get(BackPopulates.Parent.class, parent.id);
        show("loaded.children", () -> loaded.children);
        echo("session.delete(loaded.children.get(0)); session.flush()");
        session.delete(loaded.children.get(0));
        session.flush();
        show("loaded.children", () -> loaded.children);
        note("after a flush, memory agrees with the database");
        session.commit();
      }
    }
  }

  // ---- 6. the other wirings, same tables -------------------------------------------------------

  private static void otherWirings(
      String url, Wired<Neither.Child> neither, Wired<BackrefOnChild.Parent> backref) {
    heading("6. Same tables, other wirings: the objects of sections 1 and 3");
    note("neither: the two sides meet only in the database");
    var child = neither.object();
    var parent = child.parent.get();
    echo("Database db = Database.open(url, models); Session session = db.session()");
    try (Database db = open(url, neither.models());
        Session session = db.session()) {
      echo("session.add(child); session.commit()");
      session.add(child);
      session.commit();
      show("parent.children", () -> parent.children);
    }

    note("backref: saved through the side that Registry.of created, loaded by name");
    var adopted = backref.object();
    echo("Database db = Database.open(url, models); Session session = db.session()");
    try (Database db = open(url, backref.models())) {
      try (Session session = db.session()) {
        echo("session.add(parent); session.commit()");
        session.add(adopted);
        session.commit();
      }
      echo("session.close(); session = db.session()");
      try (Session session = db.session()) {
        echo("Parent loaded = session.get(Parent.class, " + adopted.id + ")");
        var loaded = session.get(BackrefOnChild.Parent.class, adopted.id);
        show("Parent_.children(loaded)", () -> BackrefOnChild_Parent_.children(loaded));
      }
    }
  }

  // ---- 7. many-to-many -------------------------------------------------------------------------

  private static void manyToMany(String url) {
    heading("7. Many-to-many: Article.tags and Tag.articles through article_tag");
    model("Article", "@Relationship(secondary = \"article_tag\", backPopulates = \"articles\")", 9);
    model("", "Many<Tag> tags = many();", 9);
    model("Tag", "@Relationship(secondary = \"article_tag\", backPopulates = \"tags\")", 9);
    model("", "Many<Article> articles = many();", 9);
    note(
        "no model maps article_tag: Tether defines it (article_id, tag_id), the two its primary key");
    Registry models = registry("Article.class, Tag.class", Article.class, Tag.class);
    echo(
        "Article article = new Article(\"Tether\"); Tag orm = new Tag(\"orm\"), java = new Tag(\"java\")");
    var article = new Article("Tether");
    var orm = new Tag("orm");
    var java = new Tag("java");
    echo("article.tags.add(orm); java.articles.add(article)");
    article.tags.add(orm);
    java.articles.add(article);
    show("orm.articles", () -> orm.articles);
    show("article.tags", () -> article.tags);
    show("article.tags.add(orm)", () -> article.tags.add(orm));
    note("already there: no second article_tag row can be written (SQLAlchemy: IntegrityError)");
    echo("Database db = Database.open(url, models); db.createAll()");
    try (Database db = open(url, models)) {
      db.createAll();
      try (Session session = db.session()) {
        echo("session.add(article); session.commit()");
        session.add(article);
        session.commit();
        note("one article_tag row per link, though both sides hold it");
      }
      echo("session.close(); session = db.session()");
      try (Session session = db.session()) {
        echo("Article loaded = session.get(Article.class, " + article.id + ")");
        var loaded = session.get(Article.class, article.id);
        show("loaded.tags", () -> loaded.tags);
        echo("Tag first = loaded.tags.get(0); first.articles.remove(loaded); session.flush()");
        var first = loaded.tags.get(0);
        first.articles.remove(loaded);
        session.flush();
        note("one association row deleted; the article and both tags are still there");
        show("loaded.tags", () -> loaded.tags);
        session.commit();
      }
    }
  }

  // ---- 8. self-referential ---------------------------------------------------------------------

  private static void selfReferential(String url) {
    heading("8. Self-referential: a tree of Nodes in one table");
    model("Node", "@ForeignKey(\"node.id\") Integer parentId;", 6);
    model("", "@Relationship(backPopulates = \"children\") One<Node> parent = one();", 6);
    model("", "@Relationship(backPopulates = \"parent\") Many<Node> children = many();", 6);
    note("One is the many-to-one side, Many the one-to-many: no remote_side needed");
    Registry models = registry("Node.class", Node.class);
    echo(
        "Node root = new Node(\"root\"), a = new Node(\"a\"), b = new Node(\"b\"), leaf = new Node(\"leaf\")");
    var root = new Node("root");
    var a = new Node("a");
    var b = new Node("b");
    var leaf = new Node("leaf");
    echo("a.parent.set(root); b.parent.set(root); leaf.parent.set(a)");
    a.parent.set(root);
    b.parent.set(root);
    leaf.parent.set(a);
    show("root.children", () -> root.children);
    echo("Database db = Database.open(url, models); db.createAll()");
    try (Database db = open(url, models)) {
      db.createAll();
      try (Session session = db.session()) {
        echo("session.add(root); session.commit()");
        session.add(root);
        session.commit();
        note("parents first: each parent_id is known when its row is inserted");
        echo("a.parent.set(b); session.commit()");
        a.parent.set(b);
        session.commit();
        note("the subtree a (with leaf) moved under b: one UPDATE");
      }
      echo("session.close(); session = db.session()");
      try (Session session = db.session()) {
        echo("Node loaded = session.get(Node.class, b.id)");
        var loaded = session.get(Node.class, b.id);
        show("loaded", () -> loaded);
        show("loaded.children", () -> loaded.children);
        show("loaded.children.get(0).children", () -> loaded.children.get(0).children);
      }
    }
  }

  // ---- 9. loading strategies -------------------------------------------------------------------

  private static void loadingStrategies(String url) {
    heading("9. One loop over the children of 10 parents, three ways to load them");
    note(
        "the backPopulates models of section 2; Parent_ is the metamodel tether-processor generates");
    Registry models = Registry.of(BackPopulates.Parent.class, BackPopulates.Child.class);
    try (Database db = Database.open(url, models)) {
      AtomicInteger statements = new AtomicInteger();
      db.addStatementListener((sql, rows) -> statements.incrementAndGet());
      echo("db.addStatementListener((sql, rows) -> statements.incrementAndGet())");
      note("this section counts statements instead of printing them");
      try (Session session = db.session()) {
        echo("10 parents with 3 children each: session.add(parent) ...; session.commit()");
        session.bulkDelete(BackPopulates.Child.class).execute();
        session.bulkDelete(BackPopulates.Parent.class).execute();
        for (int i = 0; i < 10; i++) {
          var parent = new BackPopulates.Parent();
          for (int j = 0; j < 3; j++) {
            parent.children.add(new BackPopulates.Child());
          }
          session.add(parent);
        }
        session.commit();
      }
      note("after each query below, the same loop runs: for (Parent p : parents) for (Child c :");
      note("p.children) n++; and the listener counts the statements of the query and of the loop");
      childrenLoop(
          db,
          statements,
          "session.setBatchLazyLoads(false); session.select(Parent.class).list()",
          "plain lazy: 1 query for the parents, then 1 per parent (N+1)",
          session -> {
            session.setBatchLazyLoads(false);
            return session
                .select(BackPopulates.Parent.class)
                .orderBy(BackPopulates_Parent_.id.asc())
                .list();
          });
      childrenLoop(
          db,
          statements,
          "session.select(Parent.class).list()",
          "lazy, batched (the default): the first p.children loads its 9 peers' too, in one IN query",
          session ->
              session
                  .select(BackPopulates.Parent.class)
                  .orderBy(BackPopulates_Parent_.id.asc())
                  .list());
      childrenLoop(
          db,
          statements,
          "session.select(Parent.class).options(Load.selectin(Parent_.children)).list()",
          "selectin: the query itself loads every parent's children, the loop runs no SQL",
          session ->
              session
                  .select(BackPopulates.Parent.class)
                  .orderBy(BackPopulates_Parent_.id.asc())
                  .options(Load.selectin(BackPopulates_Parent_.children))
                  .list());
    }
  }

  /** Runs {@code query} in a fresh session, then the loop, and prints what each cost. */
  private static void childrenLoop(
      Database db,
      AtomicInteger statements,
      String shown,
      String comment,
      Function<Session, List<BackPopulates.Parent>> query) {
    OUT.println();
    note(comment);
    echo("parents = " + shown);
    try (Session session = db.session()) {
      statements.set(0);
      List<BackPopulates.Parent> parents = query.apply(session);
      int forQuery = statements.getAndSet(0);
      int n = 0;
      for (BackPopulates.Parent p : parents) {
        for (BackPopulates.Child c : p.children) {
          n++;
        }
      }
      int forLoop = statements.get();
      OUT.printf(
          "%d children of %d parents: %d statement%s for the query, %d in the loop, %d in all%n",
          n, parents.size(), forQuery, forQuery == 1 ? "" : "s", forLoop, forQuery + forLoop);
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** Prints and runs {@code Registry.of}; a {@link MappingException} is printed, not thrown. */
  private static Registry registry(Class<?> parent, Class<?> child) {
    return registry("Parent.class, Child.class", parent, child);
  }

  /** {@link #registry(Class, Class)} for other models, printed as {@code shown}. */
  private static Registry registry(String shown, Class<?>... models) {
    OUT.println(">>> Registry models = Registry.of(" + shown + ")");
    try {
      return Registry.of(models);
    } catch (MappingException e) {
      OUT.println(wrap("MappingException: " + e.getMessage(), "    "));
      return null;
    }
  }

  /** Opens {@code url} for {@code models}, printing every statement it runs. */
  private static Database open(String url, Registry models) {
    Database db = Database.open(url, models);
    db.addStatementListener(
        (sql, rows) ->
            OUT.println("   SQL: " + oneLine(sql) + (rows == 1 ? "" : "   [" + rows + " rows]")));
    return db;
  }

  private static void heading(String title) {
    OUT.println();
    OUT.println("== " + title + " ==");
  }

  /** A model's relationship declaration, aligned under the section heading. */
  private static void model(String owner, String declaration) {
    model(owner, declaration, 8);
  }

  /** {@link #model(String, String)} with the declaration at {@code width}; "" continues a model. */
  private static void model(String owner, String declaration, int width) {
    OUT.printf("   %-" + width + "s%s%n", owner.isEmpty() ? "" : owner + ":", declaration);
  }

  /** Prints {@code >>> code}; the Java statements right after the call run that code. */
  private static void echo(String code) {
    OUT.println(">>> " + code);
  }

  /** Prints {@code >>> expression}, then evaluates it and prints its value. */
  private static void show(String expression, Supplier<?> value) {
    echo(expression);
    OUT.println(value.get());
  }

  private static void note(String text) {
    OUT.println("// " + text);
  }

  /** Multi-line DDL on one line. */
  private static String oneLine(String sql) {
    return sql.replaceAll("\\(\\s+", "(").replaceAll("\\s+\\)", ")").replaceAll("\\s*\\n\\s*", " ");
  }

  /** Word-wraps {@code text} at {@link #WIDTH} columns, indenting continuation lines. */
  private static String wrap(String text, String indent) {
    StringBuilder out = new StringBuilder();
    int column = 0;
    for (String word : text.split(" ")) {
      if (column > 0 && column + 1 + word.length() > WIDTH) {
        out.append('\n').append(indent);
        column = indent.length();
      } else if (column > 0) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += word.length();
    }
    return out.toString();
  }

  private static void deleteDatabase(Path file) throws IOException {
    for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
      Files.deleteIfExists(Path.of(file + suffix));
    }
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
  }
}
