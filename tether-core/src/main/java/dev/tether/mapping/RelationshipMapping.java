package dev.tether.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Set;

/**
 * One relationship attribute, declared ({@code @Relationship} on a field) or generated (the reverse
 * of a {@code backref}). Holds what was declared and what configuration derived from it: target,
 * direction, the foreign-key column it follows and the reverse side it keeps in sync.
 */
public final class RelationshipMapping {
  private final ModelMapping owner;
  private final String name;
  private final boolean collection;
  private final MethodHandle field;
  private final Declared declared;
  private ModelMapping target;
  private Direction direction;
  private ColumnMapping foreignKey;
  private ColumnMapping secondaryTarget;
  private RelationshipMapping reverse;
  private Set<Cascade> cascade;
  private Loading loading = Loading.SELECT;
  private List<Ordering> ordering = List.of();
  private int index;

  /** One term of {@code orderBy}: a column of the target, ascending or descending. */
  public record Ordering(ColumnMapping column, boolean descending) {}

  /** What the user wrote, kept apart from what is derived. */
  record Declared(
      String backPopulates,
      String backref,
      String foreignKeys,
      String secondary,
      String orderBy,
      String cascade,
      String lazy,
      boolean passiveDeletes,
      boolean viewOnly,
      RelationshipMapping generatedFrom) {}

  RelationshipMapping(
      ModelMapping owner, String name, boolean collection, VarHandle field, Declared declared) {
    this.owner = owner;
    this.name = name;
    this.collection = collection;
    this.field =
        field == null
            ? null
            : ColumnMapping.erased(field, VarHandle.AccessMode.GET, ColumnMapping.GET_TYPE);
    this.declared = declared;
  }

  /** The class that has this attribute. */
  public ModelMapping owner() {
    return owner;
  }

  /** The attribute name ({@code children}). */
  public String name() {
    return name;
  }

  /** {@code Owner.name}, for messages. */
  public String qualifiedName() {
    return owner.name() + "." + name;
  }

  /** The related class. */
  public ModelMapping target() {
    return target;
  }

  /** Whether this side is a {@code Many} (otherwise a {@code One}). */
  public boolean isCollection() {
    return collection;
  }

  /** Where the foreign key is relative to this side. */
  public Direction direction() {
    return direction;
  }

  /**
   * The foreign-key column followed: on the owner's table for {@link Direction#MANY_TO_ONE}, on the
   * target's table for {@link Direction#ONE_TO_MANY}.
   */
  public ColumnMapping foreignKey() {
    return foreignKey;
  }

  /** The column the foreign key references (usually the primary key of the other side). */
  public ColumnMapping referencedColumn() {
    return foreignKey.references();
  }

  /**
   * For many-to-many: the association table's column that references the target (the other side;
   * {@link #foreignKey()} is the one that references this side). {@code null} otherwise.
   */
  public ColumnMapping secondaryTargetColumn() {
    return secondaryTarget;
  }

  /** For many-to-many: the association table; {@code null} otherwise. */
  public TableMapping secondary() {
    return direction == Direction.MANY_TO_MANY ? foreignKey.table() : null;
  }

  /** The linked reverse side, or {@code null} when this relationship is not back-populated. */
  public RelationshipMapping reverse() {
    return reverse;
  }

  /** The cascades of this side. */
  public Set<Cascade> cascade() {
    return cascade;
  }

  /** Whether this side cascades {@code option}. */
  public boolean cascades(Cascade option) {
    return cascade.contains(option);
  }

  /** Read-only relationship: never written at flush, never synced. */
  public boolean viewOnly() {
    return declared.viewOnly();
  }

  /** Whether the database's ON DELETE rule is trusted instead of loading children. */
  public boolean passiveDeletes() {
    return declared.passiveDeletes();
  }

  /** The declared {@code orderBy}, or an empty string. */
  public String orderBy() {
    return declared.orderBy();
  }

  /** The loading strategy ({@code lazy}). */
  public Loading loading() {
    return loading;
  }

  /** The parsed {@code orderBy}: columns of the target, empty for no order. */
  public List<Ordering> ordering() {
    return ordering;
  }

  /** Whether this relationship was created by a {@code backref} on the other side. */
  public boolean isGenerated() {
    return declared.generatedFrom() != null;
  }

  /** Position among the owner's relationships: the slot of its container in instance state. */
  public int index() {
    return index;
  }

  /** Reads the declared field of {@code instance}; {@code null} for generated relationships. */
  public Object fieldValue(Object instance) {
    if (field == null) {
      return null;
    }
    try {
      return field.invokeExact(instance);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  Declared declared() {
    return declared;
  }

  void resolve(ModelMapping target, Direction direction, ColumnMapping foreignKey) {
    this.target = target;
    this.direction = direction;
    this.foreignKey = foreignKey;
  }

  void secondaryTarget(ColumnMapping column) {
    this.secondaryTarget = column;
  }

  void link(RelationshipMapping reverse) {
    this.reverse = reverse;
  }

  void cascade(Set<Cascade> cascade) {
    this.cascade = cascade;
  }

  void loading(Loading loading) {
    this.loading = loading;
  }

  void ordering(List<Ordering> ordering) {
    this.ordering = List.copyOf(ordering);
  }

  void index(int index) {
    this.index = index;
  }

  @Override
  public String toString() {
    return qualifiedName();
  }
}
