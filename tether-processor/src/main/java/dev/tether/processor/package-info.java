/**
 * Tether's annotation processor ({@link dev.tether.processor.TetherProcessor}): compile-time
 * mapping checks, the generated metamodel ({@code Parent_}) and the model index ({@code
 * META-INF/tether/models}).
 *
 * <p>Runs inside {@code javac}; may import the JDK's {@code javax.annotation.processing}, {@code
 * javax.lang.model} and {@code javax.tools}, Tether's annotations and {@code
 * dev.tether.mapping.MappingMessages} / {@code Names} (the texts shared with {@code Registry.of}),
 * and nothing that loads the user's classes.
 */
package dev.tether.processor;
