/**
 * Mapping metadata: reads model classes' annotations ({@code @Table}, {@code @Id}, {@code @Column},
 * {@code @ForeignKey}, {@code @Relationship}, {@code @Embeddable}) into immutable descriptions of
 * tables, columns, keys, embedded values and relationships, derives what the annotations imply
 * (join condition, direction, reverse side, cascades, loading), and refuses every mistake with a
 * {@link dev.tether.MappingException} that names the class and field, says what is wrong and what
 * to write instead.
 *
 * <p>{@link dev.tether.mapping.Configurator} runs the configuration phases for {@code Registry.of};
 * {@link dev.tether.mapping.Metadata} is the result, and {@link dev.tether.mapping.Mappings} tells
 * an object created with {@code new} which mapping is current.
 *
 * <p>May import: the root package {@code dev.tether} (annotations, {@code Model}, {@code One},
 * {@code Many}, exceptions), the JDK and slf4j. Never {@code attribute}, {@code session}, {@code
 * query}, {@code sql} or {@code schema}, and never JDBC: those layers read this one.
 */
package dev.tether.mapping;
