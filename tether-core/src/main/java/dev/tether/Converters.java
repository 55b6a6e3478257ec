package dev.tether;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers converters once for the models of a class or a package: each converter serves every
 * field of its Java type (the first type argument of its {@link ColumnConverter}) that has no
 * {@link Convert @Convert} of its own. Put it on a model class (it applies to that model and its
 * subclasses) or in {@code package-info.java} (every model of the package), for types you cannot
 * annotate, such as {@code java.nio.file.Path}.
 *
 * <pre>{@code
 * @Converters({PathConverter.class, MoneyConverter.class})
 * package com.example.app.model;
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface Converters {
  /** The converters, each with a public no-argument constructor. */
  @SuppressWarnings("rawtypes")
  Class<? extends ColumnConverter>[] value();
}
