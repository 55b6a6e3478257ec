package dev.tether.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configured mappings of one registry: every model, and the tables in foreign-key dependency
 * order (referenced tables first). Immutable once built by {@link Configurator}.
 */
public final class Metadata {
  private final Map<Class<?>, ModelMapping> models;
  private final List<TableMapping> tablesInDependencyOrder;
  private final List<String> warnings;
  private final List<RelationshipMapping> manyToMany;

  Metadata(
      Map<Class<?>, ModelMapping> models, List<TableMapping> associations, List<String> warnings) {
    this.models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    List<TableMapping> tables = new ArrayList<>();
    models.values().forEach(m -> tables.add(m.table()));
    tables.addAll(associations);
    this.tablesInDependencyOrder = Collections.unmodifiableList(sortTables(tables));
    this.warnings = List.copyOf(warnings);
    List<RelationshipMapping> m2m = new ArrayList<>();
    for (ModelMapping m : models.values()) {
      for (RelationshipMapping r : m.relationships()) {
        if (r.direction() == Direction.MANY_TO_MANY) {
          m2m.add(r);
        }
      }
    }
    this.manyToMany = List.copyOf(m2m);
  }

  /** The mapping of {@code type}, or {@code null} when this registry does not map it. */
  public ModelMapping model(Class<?> type) {
    return models.get(type);
  }

  /** Every mapped model in registration order. */
  public Collection<ModelMapping> models() {
    return models.values();
  }

  /**
   * Tables with every referenced table before the tables that reference it; tables in a cycle keep
   * registration order (the schema layer adds the cycle's constraints afterwards).
   */
  public List<TableMapping> tablesInDependencyOrder() {
    return tablesInDependencyOrder;
  }

  /** Every many-to-many relationship (both sides of a pair), derived once at configuration. */
  public List<RelationshipMapping> manyToMany() {
    return manyToMany;
  }

  /**
   * The warnings configuration logged (to the {@code dev.tether.mapping} logger): mappings that
   * work but are probably not what was meant, such as two unlinked relationships writing one
   * foreign key.
   */
  List<String> warnings() {
    return warnings;
  }

  private static boolean onlyNullableReferencesTo(TableMapping t, Set<TableMapping> done) {
    for (ColumnMapping c : t.columns()) {
      if (c.references() != null
          && c.references().table() != t
          && !done.contains(c.references().table())
          && !c.nullable()) {
        return false;
      }
    }
    return true;
  }

  private static List<TableMapping> sortTables(List<TableMapping> tables) {
    Map<TableMapping, Set<TableMapping>> dependsOn = new HashMap<>();
    for (TableMapping t : tables) {
      Set<TableMapping> deps = new HashSet<>();
      for (ColumnMapping c : t.columns()) {
        if (c.references() != null && c.references().table() != t) {
          deps.add(c.references().table());
        }
      }
      dependsOn.put(t, deps);
    }
    List<TableMapping> sorted = new ArrayList<>();
    Set<TableMapping> done = new HashSet<>();
    while (sorted.size() < tables.size()) {
      boolean progressed = false;
      for (TableMapping t : tables) {
        if (!done.contains(t) && done.containsAll(dependsOn.get(t))) {
          sorted.add(t);
          done.add(t);
          progressed = true;
        }
      }
      if (!progressed) {
        // a cycle: break it at a table whose missing references are all nullable, so the rows
        // can be inserted with NULL there and updated afterwards
        TableMapping pick = null;
        for (TableMapping t : tables) {
          if (!done.contains(t) && pick == null) {
            pick = t;
          }
          if (!done.contains(t) && onlyNullableReferencesTo(t, done)) {
            pick = t;
            break;
          }
        }
        done.add(pick);
        sorted.add(pick);
      }
    }
    return sorted;
  }
}
