package dev.tether;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a relationship field: a {@link One} (the many-to-one or one-to-one side) or a {@link
 * Many} (the one-to-many or many-to-many side). The attribute names are SQLAlchemy's.
 *
 * <p>Three wirings:
 *
 * <ul>
 *   <li>neither {@code backPopulates} nor {@code backref}: the relationship stands alone and no
 *       other attribute is touched in memory;
 *   <li>{@code backPopulates = "x"} on both sides, each naming the other: both sides stay in sync
 *       the instant either changes (naming one side only is a {@link MappingException});
 *   <li>{@code backref = "x"} on one side: the reverse relationship {@code x} is created on the
 *       target class by {@link Registry#of}, reached with {@link Model#related(String)}, and the
 *       two are in sync exactly as with {@code backPopulates}.
 * </ul>
 *
 * <pre>{@code
 * @Relationship(backPopulates = "parent")
 * public final Many<Child> children = many();
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Relationship {
  /** The relationship on the target class that this one mirrors; it must name this one back. */
  String backPopulates() default "";

  /** Creates the reverse relationship with this name on the target class. */
  String backref() default "";

  /**
   * The foreign-key field (its Java name, e.g. {@code "senderId"}) this relationship follows, when
   * several link the two tables. On a {@code backPopulates} pair one side is enough. Not needed
   * when the field types leave one key: a {@code Many} follows a key on its target's table, and a
   * {@code One} paired with a {@code Many} a key on its own table, so a key in the other direction
   * (a favourite address on users) does not make them ambiguous.
   *
   * <pre>{@code
   * @Relationship(foreignKeys = "senderId", backref = "sent")
   * public final One<User> sender = one();
   * }</pre>
   */
  String foreignKeys() default "";

  /** Many-to-many through this association table. */
  String secondary() default "";

  /** Order of a loaded collection, e.g. {@code "name"} or {@code "position desc"}. */
  String orderBy() default "";

  /**
   * Cascades, comma separated: {@code save-update}, {@code merge}, {@code delete}, {@code
   * delete-orphan}, {@code expunge}, {@code refresh-expire}, {@code all}. Default {@code
   * "save-update, merge"}.
   */
  String cascade() default "save-update, merge";

  /**
   * Loading strategy; {@code "select"} (lazy, on first use) is the default. Also {@code
   * "selectin"}, {@code "joined"}, {@code "raise"}, {@code "noload"}, and for a collection {@code
   * "write_only"}: never loaded; {@code add} and {@code remove} are queued and written at flush
   * without reading the members (so {@code add} cannot know whether the object is already a member,
   * and returns true), and every read throws {@link LazyLoadException}: query the members with
   * {@code session.select(Parent_.children, parent)}.
   */
  String lazy() default "select";

  /**
   * Rely on the foreign key's ON DELETE rule instead of loading the rows that refer to a deleted
   * object: the flush sends the owner's DELETE alone, and the database deletes ({@code CASCADE}) or
   * empties ({@code SET NULL}) the referring rows. Those the session already holds end as the
   * database leaves them (deleted, or with a null key), loaded through this relationship or not.
   *
   * <pre>{@code
   * @Relationship(backPopulates = "order", cascade = "all", passiveDeletes = true)
   * public final Many<Line> lines = many();                                       // Order
   * @ForeignKey(value = "orders.id", onDelete = "CASCADE") public Integer orderId;  // Line
   * }</pre>
   *
   * <p>{@code Registry.of} refuses it when the key has no such rule, or has {@code SET NULL} under
   * a delete cascade.
   */
  boolean passiveDeletes() default false;

  /** Read-only relationship: never written at flush and never synced. */
  boolean viewOnly() default false;
}
