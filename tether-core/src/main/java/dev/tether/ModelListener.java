package dev.tether;

/**
 * Observes the lifecycle of the objects of one model (and of its subclasses), for code that does
 * not belong in the model: auditing, metrics, denormalised copies. Register it with {@link
 * Database#addModelListener}; override only the events needed (the others cost nothing).
 *
 * <pre>{@code
 * db.addModelListener(Order.class, new ModelListener<Order>() {
 *   @Override public void afterInsert(Session session, Order order) {
 *     audit.log("created order " + order.id);
 *   }
 * });
 * }</pre>
 *
 * <p>Each method runs at the moment of the model annotation of the same name ({@link BeforeInsert},
 * {@link AfterInsert}, {@link BeforeUpdate}, {@link AfterUpdate}, {@link BeforeDelete}, {@link
 * AfterDelete}, {@link AfterLoad}), once per object and event, after the model's own hook methods;
 * listeners run in the order they were added. What a hook may do, a listener may do: a field set in
 * {@code beforeInsert} or {@code beforeUpdate} is written by the same statement; adding, deleting
 * or relinking objects during a flush is refused (use {@link SessionListener#beforeFlush}). An
 * exception thrown here reaches the caller as an {@link EventException} and fails the flush.
 *
 * @param <T> the model (or a superclass of the models) observed
 */
public interface ModelListener<T> {
  /** Before the object's INSERT is built, during a flush. */
  default void beforeInsert(Session session, T model) {}

  /** After the statement that inserted the object's row; its generated key is set. */
  default void afterInsert(Session session, T model) {}

  /** Before the UPDATE of an object whose column fields changed, during a flush. */
  default void beforeUpdate(Session session, T model) {}

  /** After the UPDATE of the object's row. */
  default void afterUpdate(Session session, T model) {}

  /** Before the DELETE of the object's row, during a flush. */
  default void beforeDelete(Session session, T model) {}

  /** After the DELETE of the object's row. */
  default void afterDelete(Session session, T model) {}

  /** After the object's column fields were set from a database row (see {@link AfterLoad}). */
  default void afterLoad(Session session, T model) {}
}
