package dev.tether.mapping;

import dev.tether.AfterDelete;
import dev.tether.AfterInsert;
import dev.tether.AfterLoad;
import dev.tether.AfterUpdate;
import dev.tether.BeforeDelete;
import dev.tether.BeforeInsert;
import dev.tether.BeforeUpdate;
import java.lang.annotation.Annotation;

/**
 * The events of one object's life that hooks and model listeners observe, each with its annotation
 * and the {@code ModelListener} method of the same name. Read by {@link ModelHooks} (and the
 * annotation processor) and dispatched by the session.
 */
public enum LifecycleEvent {
  BEFORE_INSERT(BeforeInsert.class, "beforeInsert"),
  AFTER_INSERT(AfterInsert.class, "afterInsert"),
  BEFORE_UPDATE(BeforeUpdate.class, "beforeUpdate"),
  AFTER_UPDATE(AfterUpdate.class, "afterUpdate"),
  BEFORE_DELETE(BeforeDelete.class, "beforeDelete"),
  AFTER_DELETE(AfterDelete.class, "afterDelete"),
  AFTER_LOAD(AfterLoad.class, "afterLoad");

  private final Class<? extends Annotation> annotation;
  private final String listenerMethod;

  LifecycleEvent(Class<? extends Annotation> annotation, String listenerMethod) {
    this.annotation = annotation;
    this.listenerMethod = listenerMethod;
  }

  /** The annotation that marks a hook method for this event. */
  public Class<? extends Annotation> annotation() {
    return annotation;
  }

  /** {@code @BeforeInsert}, as messages write it. */
  public String written() {
    return "@" + annotation.getSimpleName();
  }

  /** The name of the {@code ModelListener} method, e.g. {@code beforeInsert}. */
  public String listenerMethod() {
    return listenerMethod;
  }

  /** Whether the event happens inside a flush (every one but {@link #AFTER_LOAD}). */
  public boolean duringFlush() {
    return this != AFTER_LOAD;
  }
}
