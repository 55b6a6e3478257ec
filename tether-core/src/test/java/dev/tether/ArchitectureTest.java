package dev.tether;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasModifiers;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Enforces the package layers of DESIGN.md §4 on the main classes (test classes are not imported).
 *
 * <p>Layer order, lowest first: {@code mapping → attribute → sql → query → schema → session}; a
 * package uses only packages before it, plus the root API. The dialect packages ({@code
 * sql.sqlite}, {@code sql.postgresql}, {@code sql.mariadb}) are leaves that only {@code session}
 * chooses from. The root package is the one exception to the order: its entry points ({@link
 * Model}, {@link Registry}, {@link Database}) delegate downwards while every internal package uses
 * the root's annotations, exceptions and interfaces, so the no-cycle rule covers internal packages
 * only. Packages that are still empty make some rules vacuous, hence {@code allowEmptyShould}.
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
          .whereLayer("dialects")
          .mayOnlyBeAccessedByLayers("session")
          .ensureAllClassesAreContainedInArchitecture()
          .because(
              "DESIGN.md §4 orders the layers mapping → attribute → sql → query → schema → session"
                  + " (sql never sees attribute; only session chooses a dialect), and a new"
                  + " package needs a place in that order, here and in its package-info.java");

  static final ArchRule NO_CYCLES =
      slices()
          .matching("dev.tether.(**)")
          .should()
          .beFreeOfCycles()
          .because("each internal package depends only on packages below it (DESIGN.md §4)");

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
}
