package dev.tether;

import dev.tether.mapping.Configurator;
import dev.tether.mapping.Metadata;
import dev.tether.mapping.ModelIndex;
import java.util.Arrays;

/**
 * The set of mapped model classes, configured and validated eagerly. Every mapping mistake — a
 * {@code backPopulates} naming a missing or one-sided partner, a {@code backref} colliding with a
 * field, a relationship without (or with several) foreign-key paths — is a {@link MappingException}
 * here, before any object is used. Backrefs exist as soon as this returns.
 *
 * <pre>{@code
 * Registry models = Registry.of(Parent.class, Child.class);
 * }</pre>
 *
 * Classes reachable through relationship fields are included automatically. With Tether's
 * annotation processor on, {@link #scan()} finds every model without listing them.
 */
public final class Registry {
  private final Metadata metadata;

  private Registry(Metadata metadata) {
    this.metadata = metadata;
  }

  /** Configures {@code models} (and every model their relationships reach). */
  public static Registry of(Class<?>... models) {
    return new Registry(Configurator.configure(Arrays.asList(models)));
  }

  /**
   * Configures every model compiled with Tether's annotation processor: the classes listed by each
   * {@code META-INF/tether/models} index on the class path (the thread's context class loader), as
   * SQLAlchemy registers every subclass of {@code Base}. No class-path scanning.
   *
   * <pre>{@code
   * Registry models = Registry.scan();   // instead of Registry.of(Parent.class, Child.class)
   * }</pre>
   *
   * The models of every index are configured together, so they must form one schema (one model per
   * table). A class the processor should leave out is annotated
   * {@code @SuppressWarnings("tether")}.
   *
   * @throws MappingException when no index is found (the processor was not on), or an index names a
   *     class that is gone, and for every mapping mistake as {@link #of}
   */
  public static Registry scan() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return of(
        ModelIndex.classes(loader != null ? loader : Registry.class.getClassLoader())
            .toArray(Class<?>[]::new));
  }

  /** Whether {@code type} is mapped by this registry. */
  public boolean contains(Class<?> type) {
    return metadata.model(type) != null;
  }

  /** The configured mappings, for {@link Database} (internal: not part of the API). */
  Metadata metadata() {
    return metadata;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Registry[");
    metadata
        .models()
        .forEach(m -> b.append(m.name()).append("→").append(m.table().name()).append(' '));
    return b.toString().trim() + "]";
  }
}
