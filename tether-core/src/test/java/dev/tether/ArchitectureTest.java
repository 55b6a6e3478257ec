package dev.tether;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasModifiers;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Enforces the package layers of DESIGN.md §4 on the main classes (test classes are not imported).
 *
 * <p>Layer order, lowest first: {@code mapping → attribute → sql → query → schema → engine →
 * session}; a package uses only packages before it, plus the root API. The dialect packages ({@code
 * sql.sqlite}, {@code sql.postgresql}, {@code sql.mariadb}) are leaves that only {@code engine}
 * chooses from. The root package is the one exception to the order: its entry points ({@link
 * Model}, {@link Registry}, {@link Database}) delegate downwards while every internal package uses
 * the root's annotations, exceptions and interfaces, so the no-cycle rule covers internal packages
 * only. Packages that are still empty make some rules vacuous, hence {@code allowEmptyShould}.
 * {@code query.internal} belongs to the query layer; its door {@code Queries} is the one class
 * allowed to name the query API back (see its package-info).
 *
 * <p>The shape rules below check the module descriptor (exactly the API packages exported, only API
 * types public in them), class cycles inside a package, field accesses between session classes, and
 * the length of every module's main source files; {@link ArchitectureAllowlist} lists what they
 * tolerate today, and only shrinks.
 *
 * <p>The rules run as plain JUnit tests ({@code rule.check(classes)}) rather than as
 * {@code @ArchTest} fields: Surefire 3.5.3 silently drops {@code @ArchTest} fields, failures
 * included (TNG/ArchUnit#1442, #1524).
 */
class ArchitectureTest {
  private static final JavaClasses MAIN_CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.tether");

  private static final String[] INTERNAL = {
    "dev.tether.mapping..",
    "dev.tether.attribute..",
    "dev.tether.sql..",
    "dev.tether.query..",
    "dev.tether.schema..",
    "dev.tether.engine..",
    "dev.tether.session.."
  };

  private static final String[] DIALECTS = {
    "dev.tether.sql.sqlite..", "dev.tether.sql.postgresql..", "dev.tether.sql.mariadb.."
  };

  static final ArchRule LAYERS =
      layeredArchitecture()
          .consideringOnlyDependenciesInAnyPackage("dev.tether..")
          .withOptionalLayers(true)
          .layer("root API")
          .definedBy("dev.tether")
          .layer("mapping")
          .definedBy("dev.tether.mapping..")
          .layer("attribute")
          .definedBy("dev.tether.attribute..")
          .layer("sql")
          .definedBy("dev.tether.sql")
          .layer("dialects")
          .definedBy(DIALECTS)
          .layer("query")
          .definedBy("dev.tether.query..")
          .layer("schema")
          .definedBy("dev.tether.schema..")
          .layer("engine")
          .definedBy("dev.tether.engine..")
          .layer("session")
          .definedBy("dev.tether.session..")
          .whereLayer("mapping")
          .mayOnlyAccessLayers("root API")
          .whereLayer("attribute")
          .mayOnlyAccessLayers("root API", "mapping")
          .whereLayer("sql")
          .mayOnlyAccessLayers("root API", "mapping")
          .whereLayer("dialects")
          .mayOnlyAccessLayers("root API", "mapping", "sql")
          .whereLayer("query")
          .mayOnlyAccessLayers("root API", "mapping", "attribute", "sql")
          .whereLayer("schema")
          .mayOnlyAccessLayers("root API", "mapping", "attribute", "sql", "query")
          .whereLayer("engine")
          .mayOnlyAccessLayers("root API", "mapping", "sql", "dialects", "schema")
          .whereLayer("dialects")
          .mayOnlyBeAccessedByLayers("engine")
          .ensureAllClassesAreContainedInArchitecture()
          .because(
              "DESIGN.md §4 orders the layers mapping → attribute → sql → query → schema → engine"
                  + " → session (sql never sees attribute; only the engine chooses a dialect), and a new"
                  + " package needs a place in that order, here and in its package-info.java");

  static final ArchRule NO_CYCLES =
      slices()
          .matching("dev.tether.(**)")
          .should()
          .beFreeOfCycles()
          .ignoreDependency(
              belongToAnyOf(dev.tether.query.internal.Queries.class),
              JavaClass.Predicates.resideInAPackage("dev.tether.query"))
          .because(
              "each internal package depends only on packages below it (DESIGN.md §4); the one"
                  + " exception is the session's door Queries, which returns the query API's types"
                  + " that dev.tether.query builds behind it");

  static final ArchRule QUERY_INTERNAL_REACHES_API_ONLY_THROUGH_ITS_DOOR =
      noClasses()
          .that()
          .resideInAPackage("dev.tether.query.internal")
          .and(not(belongToAnyOf(dev.tether.query.internal.Queries.class)))
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.tether.query")
          .because(
              "dev.tether.query.internal sits below the query API; only the door Queries names its"
                  + " types (the cycle NO_CYCLES ignores), so the exception stays one class wide");

  static final ArchRule MAPPING_AND_ATTRIBUTE_WITHOUT_DATABASE =
      noClasses()
          .that()
          .resideInAnyPackage("dev.tether.mapping..", "dev.tether.attribute..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.sql..",
              "javax.sql..",
              "dev.tether.sql..",
              "dev.tether.query..",
              "dev.tether.schema..",
              "dev.tether.session..")
          .because("mapping and in-memory sync work without a database (DESIGN.md §4)");

  static final ArchRule DIALECTS_INDEPENDENT =
      slices()
          .matching("dev.tether.sql.(*)..")
          .should()
          .notDependOnEachOther()
          .allowEmptyShould(true)
          .because("each dialect is a leaf; what dialects share belongs in dev.tether.sql");

  /**
   * The query builder's public types ({@code Select}, {@code Expression}, the metamodel attributes,
   * {@code Update}, {@code Delete}, tuples): {@code Session} hands them out, so the root names
   * them.
   */
  private static final DescribedPredicate<JavaClass> QUERY_API =
      JavaClass.Predicates.resideInAPackage("dev.tether.query")
          .and(HasModifiers.Predicates.modifier(JavaModifier.PUBLIC));

  static final ArchRule ROOT_API_WITHOUT_INTERNALS =
      noClasses()
          .that()
          .resideInAPackage("dev.tether")
          .and(not(belongToAnyOf(Model.class, Registry.class, Database.class)))
          .should()
          .dependOnClassesThat(
              JavaClass.Predicates.resideInAnyPackage(INTERNAL).and(not(QUERY_API)))
          .because(
              "the root is the public face: only Model, Registry and Database delegate downwards,"
                  + " so the root stays free of logic (DESIGN.md §4); the one exception is the"
                  + " query builder's public types, which Session returns (session.select(...)"
                  + " is a Select) — naming a type adds no logic to the root");

  static final ArchRule INTERNALS_WITHOUT_ENTRY_POINTS =
      noClasses()
          .that()
          .resideInAnyPackage(INTERNAL)
          .should()
          .dependOnClassesThat(belongToAnyOf(Registry.class, Database.class))
          .orShould()
          .accessClassesThat(belongToAnyOf(Model.class))
          .because(
              "internal packages use the root's annotations, exceptions and interfaces, and Model"
                  + " only as a type (the base class of mapped classes), never its code");

  @Test
  void layersDependOnlyOnLayersBelow() {
    LAYERS.check(MAIN_CLASSES);
  }

  @Test
  void internalPackagesAreFreeOfCycles() {
    NO_CYCLES.check(MAIN_CLASSES);
  }

  @Test
  void mappingAndAttributeNeverSeeJdbcOrPersistence() {
    MAPPING_AND_ATTRIBUTE_WITHOUT_DATABASE.check(MAIN_CLASSES);
  }

  @Test
  void dialectsDoNotUseEachOther() {
    DIALECTS_INDEPENDENT.check(MAIN_CLASSES);
  }

  @Test
  void rootApiUsesNoInternalPackage() {
    ROOT_API_WITHOUT_INTERNALS.check(MAIN_CLASSES);
  }

  @Test
  void internalPackagesUseNoEntryPoint() {
    INTERNALS_WITHOUT_ENTRY_POINTS.check(MAIN_CLASSES);
  }

  @Test
  void queryInternalReachesTheApiOnlyThroughItsDoor() {
    QUERY_INTERNAL_REACHES_API_ONLY_THROUGH_ITS_DOOR.check(MAIN_CLASSES);
  }

  // ---- the shape rules: what users can reach, cycles inside a package, file length -------------

  /** The most lines a main source file may have (STYLE.md: split along responsibilities). */
  static final int MAX_LINES = 800;

  /**
   * The bench's {@code jdbc/Forwarding*.java} delegate every method of a JDBC interface in one line
   * each: their length is the interface's, not a design's (the same exception as the project's
   * before-stop hook).
   */
  private static boolean isJdbcForwarder(String path) {
    return path.startsWith("tether-bench/") && path.matches(".*/jdbc/Forwarding\\w+\\.java");
  }

  @Test
  void moduleExportsExactlyTheApiPackages() {
    ModuleDescriptor module = CodeShape.coreModule();
    Set<String> exported = new TreeSet<>();
    Map<String, Set<String>> qualified = new TreeMap<>();
    for (ModuleDescriptor.Exports e : module.exports()) {
      if (e.isQualified()) {
        qualified.put(e.source(), new TreeSet<>(e.targets()));
      } else {
        exported.add(e.source());
      }
    }
    assertThat(module.name()).isEqualTo("dev.tether");
    assertThat(exported)
        .as(
            "module-info.java exports exactly the API packages of ArchitectureAllowlist.API_TYPES"
                + " (README \"Modules and the public API\"); an internal package is never exported")
        .isEqualTo(new TreeSet<>(ArchitectureAllowlist.API_TYPES.keySet()));
    assertThat(qualified)
        .as("qualified exports are ArchitectureAllowlist.QUALIFIED_EXPORTS")
        .isEqualTo(ArchitectureAllowlist.QUALIFIED_EXPORTS);
    assertThat(module.opens()).as("the core opens no package").isEmpty();
  }

  @Test
  void exportedPackagesHoldOnlyApiTypes() {
    Map<String, Set<String>> found = new TreeMap<>();
    ArchitectureAllowlist.API_TYPES.keySet().forEach(p -> found.put(p, new TreeSet<>()));
    for (JavaClass c : MAIN_CLASSES) {
      Set<String> types = found.get(c.getPackageName());
      if (types != null && visibleToUsers(c)) {
        types.add(c.getName().substring(c.getPackageName().length() + 1));
      }
    }
    List<String> problems = new ArrayList<>();
    found.forEach(
        (pkg, types) -> {
          Set<String> api = ArchitectureAllowlist.API_TYPES.get(pkg);
          for (String t : types) {
            if (!api.contains(t)) {
              problems.add(
                  "public type "
                      + pkg
                      + "."
                      + t
                      + " is in an exported package but is not API: make it package-private or"
                      + " move it to an internal package (e.g. dev.tether.query.internal); if users"
                      + " need it, add it to ArchitectureAllowlist.API_TYPES and document it");
            }
          }
          for (String t : api) {
            if (!types.contains(t)) {
              problems.add(
                  "stale: ArchitectureAllowlist.API_TYPES lists "
                      + pkg
                      + "."
                      + t
                      + ", which is no longer a public type there; remove it");
            }
          }
        });
    assertThat(problems).as("the API packages hold exactly the API types").isEmpty();
  }

  /** Public, and nested only in public classes: a user's code can name it. */
  private static boolean visibleToUsers(JavaClass c) {
    for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
      if (!k.getModifiers().contains(JavaModifier.PUBLIC)
          || k.isAnonymousClass()
          || k.isLocalClass()) {
        return false;
      }
    }
    return true;
  }

  @Test
  void noClassCycleInsideAPackage() {
    Map<String, Set<Set<String>>> found = CodeShape.classCycles(MAIN_CLASSES);
    List<String> problems = new ArrayList<>();
    found.forEach(
        (pkg, cycles) -> {
          Set<Set<String>> allowed = ArchitectureAllowlist.CLASS_CYCLES.getOrDefault(pkg, Set.of());
          for (Set<String> cycle : cycles) {
            if (allowed.stream().noneMatch(a -> a.containsAll(cycle))) {
              problems.add(
                  "new class cycle in "
                      + pkg
                      + ": "
                      + cycle
                      + " depend on each other in a circle; let one side own the decision and"
                      + " the other receive it (a parameter, a callback interface, a value)");
            }
          }
        });
    ArchitectureAllowlist.CLASS_CYCLES.forEach(
        (pkg, allowed) -> {
          for (Set<String> a : allowed) {
            Set<Set<String>> now = found.getOrDefault(pkg, Set.of());
            if (!now.contains(a)) {
              problems.add(
                  "stale: ArchitectureAllowlist.CLASS_CYCLES lists "
                      + pkg
                      + " "
                      + a
                      + ", but the cycles there are now "
                      + now
                      + ": replace the entry by what is left of it (or delete it)");
            }
          }
        });
    assertThat(problems).as("class cycles inside a package").isEmpty();
  }

  @Test
  void sessionClassesDoNotReachIntoEachOthersFields() {
    Set<String> found = CodeShape.foreignFieldAccesses(MAIN_CLASSES, "dev.tether.session");
    List<String> problems = new ArrayList<>();
    for (String access : found) {
      if (!ArchitectureAllowlist.SESSION_FIELD_ACCESSES.contains(access)) {
        problems.add(
            "new field access across session classes: "
                + access
                + "; ask the owner (a method saying what it is for) instead of reading or writing"
                + " its field");
      }
    }
    for (String access : ArchitectureAllowlist.SESSION_FIELD_ACCESSES) {
      if (!found.contains(access)) {
        problems.add(
            "stale: ArchitectureAllowlist.SESSION_FIELD_ACCESSES lists "
                + access
                + ", which no longer happens; remove it");
      }
    }
    assertThat(problems).as("field accesses into another session class").isEmpty();
  }

  @Test
  void mainSourceFilesStayUnderTheLineLimit() {
    Map<String, Long> lines = CodeShape.mainSourceLines(CodeShape.repositoryRoot());
    assertThat(lines)
        .as("main source files found")
        .containsKey("tether-core/src/main/java/dev/tether/Model.java");
    List<String> problems = new ArrayList<>();
    lines.forEach(
        (path, n) -> {
          Integer allowed = ArchitectureAllowlist.LONG_FILES.get(path);
          if (n > MAX_LINES && !isJdbcForwarder(path) && (allowed == null || n > allowed)) {
            problems.add(
                path
                    + " has "
                    + n
                    + " lines, more than "
                    + (allowed == null ? MAX_LINES + "" : "the " + allowed + " it had when listed")
                    + ": split it along its responsibilities (STYLE.md, one class per variant)");
          }
        });
    ArchitectureAllowlist.LONG_FILES.forEach(
        (path, allowed) -> {
          Long n = lines.get(path);
          if (n == null || n <= MAX_LINES) {
            problems.add(
                "stale: ArchitectureAllowlist.LONG_FILES lists "
                    + path
                    + (n == null ? ", which is gone" : ", now " + n + " lines")
                    + "; remove the entry");
          }
        });
    assertThat(problems).as("main source files over " + MAX_LINES + " lines").isEmpty();
  }
}
