package dev.tether;

import java.util.Map;
import java.util.Set;

/**
 * What {@link ArchitectureTest}'s shape rules tolerate today, and nothing more. Each list only
 * shrinks: when a change removes an entry's cause, the test fails with "stale" until the entry is
 * deleted (or narrowed to what is left), so a fixed cycle or split file cannot come back unnoticed.
 * Adding an entry to make a new violation pass is not the way: fix the code (DEVELOPERS.md "Package
 * layers").
 */
final class ArchitectureAllowlist {
  private ArchitectureAllowlist() {}

  /**
   * The module's API: each exported package and its public types (nested ones as {@code
   * Outer$Inner}). A new public type in an exported package must be meant as API: add it here and
   * document it (README, Javadoc with an example); anything else stays package-private or moves to
   * an internal package.
   */
  static final Map<String, Set<String>> API_TYPES =
      Map.of(
          "dev.tether",
          Set.of(
              "AfterDelete",
              "AfterInsert",
              "AfterLoad",
              "AfterUpdate",
              "BeforeDelete",
              "BeforeInsert",
              "BeforeUpdate",
              "EventException",
              "ModelListener",
              "SessionListener",
              "Check",
              "CommitOutcomeUnknownException",
              "ColumnConverter",
              "Convert",
              "Converters",
              "EnumStorage",
              "Embeddable",
              "Embedded",
              "Enumerated",
              "Json",
              "ValueConversionException",
              "Check$List",
              "Column",
              "Computed",
              "Database",
              "ExternalTransaction",
              "ExternalTransaction$Participant",
              "Database$Builder",
              "DatabaseException",
              "DetachedInstanceException",
              "FlushException",
              "ForeignKey",
              "Generated",
              "Generated$When",
              "Id",
              "Index",
              "Index$List",
              "IntegrityException",
              "Isolation",
              "LazyLoadException",
              "LazyLoadGuard",
              "Many",
              "MappingException",
              "Model",
              "NestedTransaction",
              "NoResultException",
              "NonUniqueResultException",
              "ObjectState",
              "One",
              "QueryException",
              "Registry",
              "RetryPolicy",
              "Relationship",
              "Sequence",
              "Session",
              "SessionStateException",
              "StaleObjectException",
              "StatementEvent",
              "StatementListener",
              "Table",
              "TetherException",
              "TransactionEvent",
              "TransactionEvent$Boundary",
              "TransactionOptions",
              "UniqueConstraint",
              "UniqueConstraint$List",
              "Version"),
          "dev.tether.query",
          Set.of(
              "Alias",
              "ColumnAttribute",
              "Condition",
              "Delete",
              "EmbeddedAttribute",
              "Expression",
              "Load",
              "LoadOption",
              "ManyAttribute",
              "OneAttribute",
              "Order",
              "RelationshipAttribute",
              "Select",
              "Tuple2",
              "Tuple3",
              "Update"));

  /** The qualified exports: internal packages a named Tether module needs, and which module. */
  static final Map<String, Set<String>> QUALIFIED_EXPORTS =
      // the annotation processor words compile-time mapping errors with MappingMessages;
      // tether-jackson reads mappings and asks whether a relationship is loaded without loading it
      Map.of(
          "dev.tether.mapping", Set.of("dev.tether.processor", "dev.tether.jackson"),
          "dev.tether.attribute", Set.of("dev.tether.jackson"));

  /**
   * Class cycles inside one package, per package, each the exact set of classes in one strongly
   * connected component. A cycle passes while its classes are a subset of one entry.
   */
  static final Map<String, Set<Set<String>>> CLASS_CYCLES =
      Map.of(
          "dev.tether.mapping",
          Set.of(
              Set.of("ColumnMapping", "TableMapping", "ValueErrors"),
              Set.of("ModelMapping", "RelationshipMapping"),
              Set.of("ConstraintMessages", "TableConstraints")),
          "dev.tether.attribute",
          Set.of(
              Set.of(
                  "CollectionAttribute",
                  "InstanceState",
                  "RelationshipContainer",
                  "ScalarAttribute",
                  "SessionLink",
                  "Sync")),
          "dev.tether.query",
          Set.of(
              Set.of(
                  "Aggregate",
                  "Alias",
                  "ColumnAttribute",
                  "Condition",
                  "Expression",
                  "Order",
                  "SqlWriter"),
              Set.of("Load", "LoadOption"),
              Set.of("EntityFetch", "RelationshipLoader")));

  /** Fields of {@code dev.tether.session} classes that other classes read or write directly. */
  static final Set<String> SESSION_FIELD_ACCESSES = Set.of();

  /**
   * Main source files over {@link ArchitectureTest#MAX_LINES} lines, with the most each may have
   * (today's length): they may shrink, not grow.
   */
  static final Map<String, Integer> LONG_FILES = Map.of();
}
