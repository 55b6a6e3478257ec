package dev.tether.jackson;

import dev.tether.Registry;
import dev.tether.Session;
import java.util.Objects;
import tools.jackson.core.Version;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ObjectReader;

/**
 * A Jackson 3 module that writes Tether models as JSON and reads JSON into new models, using what
 * only Tether knows: which relationships are the two sides of one pair, and which are loaded.
 *
 * <pre>{@code
 * JsonMapper json = JsonMapper.builder()
 *     .addModule(TetherModule.of(registry))
 *     .build();
 * String body = json.writeValueAsString(course);   // no SQL, even after the session closed
 * Course draft = json.readValue("{\"code\": \"CS1998\", \"name\": \"Intro\"}", Course.class);
 * }</pre>
 *
 * <h2>Writing</h2>
 *
 * <ul>
 *   <li><b>Columns</b> are properties named after their Java fields (passed through the mapper's
 *       {@code PropertyNamingStrategy}, so {@code SNAKE_CASE} gives {@code due_date}), in table
 *       order, with the value the field holds: dates, enums, {@code UUID}, {@code BigDecimal} and
 *       {@code @Json} fields are written by the mapper as any value of that type would be; an
 *       {@code @Embedded} value is a nested object (or {@code null}). {@link
 *       Builder#foreignKeys(boolean) foreignKeys(false)} leaves out the foreign-key fields that
 *       many-to-one relationships follow.
 *   <li><b>Relationships</b> follow the columns, declared ones first, then those a {@code backref}
 *       created (which behave exactly like {@code backPopulates} pairs). A loaded {@code One} is
 *       the object (or {@code null}); a loaded {@code Many} is an array of objects.
 *   <li><b>The reverse side of a pair is a reference.</b> Having walked from A into B through
 *       relationship r, B's side of that pair ({@code r}'s reverse) is written as references (A's
 *       key and, for a {@code Many}, its other members' keys) instead of recursing back: {@code
 *       "course": 3} or {@code "courses": [3, 5]}. {@link Reverse#OMIT} leaves it out.
 *   <li><b>Each object once per document.</b> An object met again in the same {@code writeValue}
 *       call (a diamond, or a cycle not through a pair, e.g. a student in two courses of one list)
 *       is written as a reference the second time.
 *   <li><b>A reference</b> is the object's primary key ({@code 3}; an array of the key's values for
 *       a composite key), or with {@link Reference#OBJECT} an object of its key properties ({@code
 *       {"id": 3}}). An object without a key yet (transient, generated key) is {@code null}.
 *   <li><b>Unloaded relationships are left out</b> and never loaded: serialisation runs no SQL and
 *       works on detached objects after their session closed. With {@link Unloaded#KEYS}, an
 *       unloaded many-to-one is written as a reference made from its foreign-key field (no SQL
 *       either); other unloaded relationships are still left out, as their keys are not in memory.
 *   <li><b>A {@code One} or {@code Many} on its own</b> (the root value, or in a map or a DTO) is
 *       written as its relationship property would be, its members entered through that
 *       relationship; an unloaded one is an error naming it, never a load.
 * </ul>
 *
 * <h2>Reading</h2>
 *
 * A JSON object becomes a new, transient model: column properties are read into their fields (a
 * value of the wrong type is a Jackson error naming the model and the property); an embedded value
 * from a nested object. A relationship is read from references as written above ({@code "course":
 * 3} or {@code {"id": 3}}, {@code "students": [1, 2]}):
 *
 * <ul>
 *   <li>without a session, a many-to-one's key is set on its foreign-key field ({@code courseId =
 *       3}): {@code session.add} and the flush write it and point the relationship at the row, as
 *       for any foreign key set by hand. Keys of other relationships need a session;
 *   <li>with a session ({@link #readingWith}), each key is looked up with {@code session.get} and
 *       the object is put into the relationship (both sides in sync, no SQL for objects already in
 *       the session); an unknown key is an error naming the property and the key.
 * </ul>
 *
 * Nested objects are not created from JSON: a relationship property holds references only. An
 * unknown property is an error naming it and listing the known ones (Jackson 3 itself ignores
 * unknown properties by default); {@link Builder#failOnUnknownProperties(boolean)
 * failOnUnknownProperties(false)} skips them.
 */
public final class TetherModule extends JacksonModule {
  /** What to write for the reverse side of a pair, reached from its partner. */
  public enum Reverse {
    /** References to the objects it holds (the default). */
    REFERENCE,
    /** Nothing: the property is left out. */
    OMIT
  }

  /** What to write for a relationship that is not loaded. */
  public enum Unloaded {
    /** Nothing: the property is left out (the default). */
    OMIT,
    /** A many-to-one as a reference taken from its foreign-key field; others left out. */
    KEYS
  }

  /** How a reference to another object is written. */
  public enum Reference {
    /** The key value: {@code 3} (the default; an array of values for a composite key). */
    KEY,
    /** An object of the key properties: {@code {"id": 3}}. */
    OBJECT
  }

  private final Registry registry;
  private final Options options;

  private TetherModule(Registry registry, Options options) {
    this.registry = registry;
    this.options = options;
  }

  /** The module with the default options, for the models of {@code registry}. */
  public static TetherModule of(Registry registry) {
    return builder(registry).build();
  }

  /** Options other than the defaults: {@code TetherModule.builder(r).unloaded(KEYS).build()}. */
  public static Builder builder(Registry registry) {
    return new Builder(Objects.requireNonNull(registry, "registry"));
  }

  /**
   * {@code reader} resolving relationship keys through {@code session} ({@code session.get}), so a
   * model read from JSON holds the session's objects in its relationships:
   *
   * <pre>{@code
   * Course c = TetherModule.readingWith(json.readerFor(Course.class), session).readValue(body);
   * }</pre>
   */
  public static ObjectReader readingWith(ObjectReader reader, Session session) {
    return reader.withAttribute(Options.SESSION, Objects.requireNonNull(session, "session"));
  }

  @Override
  public String getModuleName() {
    return "tether";
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public void setupModule(SetupContext context) {
    Plans plans = new Plans();
    context.addSerializers(new ModelSerializers(registry, options, plans));
    context.addDeserializers(new ModelDeserializers(registry, options, plans));
  }

  /** Builds a {@link TetherModule} with options; each has a default. */
  public static final class Builder {
    private final Registry registry;
    private Reverse reverse = Reverse.REFERENCE;
    private Unloaded unloaded = Unloaded.OMIT;
    private Reference reference = Reference.KEY;
    private boolean foreignKeys = true;
    private boolean failOnUnknown = true;

    private Builder(Registry registry) {
      this.registry = registry;
    }

    /** What to write for the reverse side of a pair; default {@link Reverse#REFERENCE}. */
    public Builder reverse(Reverse value) {
      this.reverse = Objects.requireNonNull(value, "reverse");
      return this;
    }

    /** What to write for an unloaded relationship; default {@link Unloaded#OMIT}. */
    public Builder unloaded(Unloaded value) {
      this.unloaded = Objects.requireNonNull(value, "unloaded");
      return this;
    }

    /** How references are written; default {@link Reference#KEY}. */
    public Builder reference(Reference value) {
      this.reference = Objects.requireNonNull(value, "reference");
      return this;
    }

    /**
     * Whether the foreign-key fields that many-to-one relationships follow ({@code courseId}) are
     * written (the default) or left to the relationship's property ({@code "course": 3}); a field
     * that is also the primary key is always written. Reading accepts them either way.
     */
    public Builder foreignKeys(boolean write) {
      this.foreignKeys = write;
      return this;
    }

    /** Whether reading a property the model does not have fails (the default) or skips it. */
    public Builder failOnUnknownProperties(boolean fail) {
      this.failOnUnknown = fail;
      return this;
    }

    /** The module. */
    public TetherModule build() {
      return new TetherModule(
          registry, new Options(reverse, unloaded, reference, foreignKeys, failOnUnknown));
    }
  }
}
