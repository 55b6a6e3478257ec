package dev.tether.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.MappingException;
import dev.tether.Registry;
import dev.tether.RegistryInternals;
import dev.tether.mapping.MisuseGrammar.Production;
import dev.tether.mapping.MisuseGrammar.Scope;
import dev.tether.mapping.ModelCase.Expectation;
import dev.tether.schema.SchemaGenerator;
import dev.tether.sql.Dialect;
import dev.tether.sql.mariadb.MariadbDialect;
import dev.tether.sql.postgresql.PostgresqlDialect;
import dev.tether.sql.sqlite.SqliteDialect;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterProperty;
import org.junit.jupiter.api.Test;

/**
 * Model declarations generated from {@link MisuseGrammar} (annotation misuse and correct use,
 * combined over one to three classes that refer to each other), compiled in process: every one
 * either maps, with the columns and relationships it declares, or is refused with a {@link
 * MappingException} that names the class and field at fault (the class, for a class-level mistake).
 * Nothing else may escape {@code Registry.of} or the DDL of the three dialects. Sets that javac
 * itself rejects are skipped and counted.
 *
 * <p>The property runs {@value #BATCHES} batches of cases, each batch compiled by one javac call;
 * {@code -Dtether.malformed.tries=20000} runs more cases (default {@value #DEFAULT_CASES}).
 */
class MalformedModelsTest {
  private static final int BATCHES = 24;
  private static final int DEFAULT_CASES = 960;
  private static final int CASES = Integer.getInteger("tether.malformed.tries", DEFAULT_CASES);
  private static final AtomicInteger PACKAGES = new AtomicInteger();
  private static final List<Dialect> DIALECTS =
      List.of(new SqliteDialect(), new PostgresqlDialect(), new MariadbDialect());

  /** Production {@code production} applied to class {@code target} (and {@code other}). */
  record Pick(int production, int target, int other) {}

  /** One case: how many model classes, and the productions applied in order. */
  record Recipe(int classes, List<Pick> picks) {}

  /** What one run saw. */
  static final class Tally {
    int cases;
    int rejectedByJavac;
    int refused;
    int mapped;
    long millis;
    final List<String> failures = new ArrayList<>();

    void add(Tally other) {
      cases += other.cases;
      rejectedByJavac += other.rejectedByJavac;
      refused += other.refused;
      mapped += other.mapped;
    }

    @Override
    public String toString() {
      return cases
          + " cases: "
          + mapped
          + " mapped, "
          + refused
          + " refused by name, "
          + rejectedByJavac
          + " rejected by javac";
    }
  }

  @Property(tries = BATCHES, shrinking = ShrinkingMode.BOUNDED)
  void everyGeneratedModelMapsOrIsRefusedByName(@ForAll("batches") List<Recipe> recipes) {
    List<ModelCase> cases = new ArrayList<>();
    for (Recipe r : recipes) {
      cases.add(build(r));
    }
    long start = System.nanoTime();
    Tally tally = run(cases, false);
    synchronized (TOTAL) {
      TOTAL.add(tally);
      TOTAL.millis += (System.nanoTime() - start) / 1_000_000;
    }
    assertThat(tally.failures).as(tally.toString()).isEmpty();
  }

  /** What every batch of the property saw together. */
  private static final Tally TOTAL = new Tally();

  @AfterProperty
  void report() {
    System.out.println(
        "MalformedModelsTest property: " + TOTAL + " in " + TOTAL.millis / 1000.0 + " s");
  }

  @Provide
  Arbitrary<List<Recipe>> batches() {
    List<Integer> correct = new ArrayList<>();
    for (int i = 0; i < MisuseGrammar.ALL.size(); i++) {
      if (MisuseGrammar.ALL.get(i).expect() == MisuseGrammar.Expect.MAPS) {
        correct.add(i);
      }
    }
    // a third of the cases only correct declarations, so that many sets map and are checked
    Arbitrary<Recipe> recipe =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(1, recipes(Arbitraries.of(correct))),
            net.jqwik.api.Tuple.of(
                2, recipes(Arbitraries.integers().between(0, MisuseGrammar.ALL.size() - 1))));
    return recipe.list().ofSize(Math.max(1, CASES / BATCHES));
  }

  private static Arbitrary<Recipe> recipes(Arbitrary<Integer> productions) {
    Arbitrary<Pick> pick =
        Combinators.combine(
                productions,
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 2))
            .as(Pick::new);
    return Combinators.combine(
            Arbitraries.integers().between(1, 3), pick.list().ofMinSize(1).ofMaxSize(6))
        .as(Recipe::new);
  }

  /**
   * Every production once, alone, in one class and between two classes: a misuse is refused with a
   * message naming exactly its class and field, a correct declaration maps as declared.
   */
  @Test
  void everyProductionAloneIsMappedOrRefusedAsDeclared() {
    List<ModelCase> cases = new ArrayList<>();
    Map<String, ModelCase> byName = new TreeMap<>();
    for (int p = 0; p < MisuseGrammar.ALL.size(); p++) {
      for (int classes = 1; classes <= 2; classes++) {
        ModelCase c = build(new Recipe(classes, List.of(new Pick(p, 0, classes - 1))));
        if (c.applied.isEmpty()) {
          continue; // a production for two distinct classes, or for one class and itself
        }
        assertThat(c.applied).as(MisuseGrammar.ALL.get(p).name()).hasSize(1);
        cases.add(c);
        byName.put(c.applied.get(0) + "/" + classes, c);
      }
    }
    Tally tally = run(cases, true);
    System.out.println(
        "MalformedModelsTest: "
            + MisuseGrammar.ALL.size()
            + " productions, "
            + tally
            + "; rejected by javac: "
            + javacRejected(cases, tally));
    assertThat(tally.failures).as(tally.toString()).isEmpty();
    assertThat(javacRejected(cases, tally))
        .as("only the productions javac itself refuses are skipped")
        .containsExactly("columnOnMethod", "hookOnField", "tableOnField");
  }

  private final List<String> rejectedNames = new ArrayList<>();

  private List<String> javacRejected(List<ModelCase> cases, Tally tally) {
    return rejectedNames.stream().distinct().sorted().toList();
  }

  /** Builds the case of {@code r}: class-level productions first, so references see the shape. */
  static ModelCase build(Recipe r) {
    ModelCase kase = new ModelCase("gen.c" + PACKAGES.incrementAndGet(), r.classes());
    List<Pick> picks = new ArrayList<>(r.picks());
    picks.sort(Comparator.comparing(p -> order(MisuseGrammar.ALL.get(p.production()))));
    int k = 0;
    for (Pick p : picks) {
      Production production = MisuseGrammar.ALL.get(p.production());
      ModelCase.ModelClass target = kase.classes.get(p.target() % r.classes());
      ModelCase.ModelClass other = kase.classes.get(p.other() % r.classes());
      if (production.scope() == Scope.PAIR
          && !production.name().equals(PairProductions.INHERITANCE)
          && (target.tags.contains(PairProductions.INHERITANCE)
              || other.tags.contains(PairProductions.INHERITANCE))) {
        continue; // relationships between a class and its subclass: not generated
      }
      int refusals = kase.refusals.size();
      if (production.rule().apply(new MisuseGrammar.Ctx(kase, target, other, k++))) {
        kase.applied.add(production.name());
        if (production.expect() == MisuseGrammar.Expect.REFUSED) {
          assertThat(kase.refusals.size()).as(production.name()).isGreaterThan(refusals);
        }
      }
    }
    return kase;
  }

  /** Class shapes first, then inheritance between classes, then fields and relationships. */
  private static int order(Production p) {
    return p.scope() == Scope.CLASS ? 0 : p.name().equals(PairProductions.INHERITANCE) ? 1 : 2;
  }

  /** Compiles {@code cases} in one batch and checks each; {@code strict}: one production each. */
  private Tally run(List<ModelCase> cases, boolean strict) {
    Tally tally = new Tally();
    List<InProcessCompiler.Unit> units = new ArrayList<>();
    cases.forEach(c -> units.addAll(c.units()));
    try (InProcessCompiler.Batch batch = InProcessCompiler.compile(units)) {
      for (ModelCase c : cases) {
        tally.cases++;
        if (batch.rejected().containsKey(c.pkg)) {
          tally.rejectedByJavac++;
          rejectedNames.addAll(c.applied);
          continue;
        }
        String failure = verdict(c, batch.loader(), tally);
        if (failure != null) {
          tally.failures.add(failure + "\n" + c.source());
        }
      }
    }
    return tally;
  }

  /** Null when {@code c} was mapped or refused as it must be, else what went wrong. */
  private static String verdict(ModelCase c, ClassLoader loader, Tally tally) {
    List<Class<?>> classes = new ArrayList<>();
    try {
      for (String name : c.registered()) {
        classes.add(Class.forName(name, false, loader));
      }
    } catch (ClassNotFoundException e) {
      return "javac compiled the case but " + e.getMessage() + " is missing";
    }
    Registry registry;
    try {
      registry = Registry.of(classes.toArray(Class<?>[]::new));
      for (Dialect d : DIALECTS) {
        new SchemaGenerator(d).createStatements(RegistryInternals.metadata(registry));
      }
    } catch (MappingException e) {
      if (!c.refused()) {
        return "refused a correct model: " + e.getMessage();
      }
      for (String mention : c.refusals) {
        if (e.getMessage().contains(mention)) {
          tally.refused++;
          return null;
        }
      }
      return "refused, but the message names none of " + c.refusals + ": " + e.getMessage();
    } catch (Throwable t) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      return "threw " + t + " instead of a MappingException:\n" + trace;
    }
    if (c.refused()) {
      return "mapped, but must refuse naming one of " + c.refusals;
    }
    Metadata metadata = RegistryInternals.metadata(registry);
    for (Expectation e : c.expectations) {
      String problem = check(metadata, c, e, loader);
      if (problem != null) {
        return problem;
      }
    }
    tally.mapped++;
    return null;
  }

  private static String check(Metadata metadata, ModelCase c, Expectation e, ClassLoader loader) {
    ModelMapping model;
    try {
      String binary = e.model();
      for (ModelCase.ModelClass m : c.classes) {
        binary = m.name.equals(e.model()) ? m.binaryName() : binary; // its final shape
      }
      model = metadata.model(Class.forName(c.pkg + "." + binary, false, loader));
    } catch (ClassNotFoundException x) {
      return "no class " + e.model();
    }
    if (model == null) {
      return e.model() + " is not mapped";
    }
    return switch (e.kind()) {
      case COLUMN -> {
        ColumnMapping col = model.columnByField(e.member());
        yield col != null && col.name().equals(e.column())
            ? null
            : e.model() + "." + e.member() + " should map column " + e.column() + ": " + col;
      }
      case NOTHING ->
          model.columnByField(e.member()) == null && model.relationship(e.member()) == null
              ? null
              : e.model() + "." + e.member() + " should not be mapped";
      case TABLE_COLUMN ->
          model.table().column(e.column()) != null
              ? null
              : e.model() + " should have column " + e.column();
      case RELATIONSHIP ->
          model.relationship(e.member()) != null
              ? null
              : e.model() + " should have relationship " + e.member();
    };
  }
}
