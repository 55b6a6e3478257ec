package dev.tether.semantics;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs a test once per bidirectional {@link dev.tether.fixtures.OneToManyWiring} (backPopulates,
 * backref on the child, backref on the parent); the test takes the wiring as its parameter.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@EnumSource(names = {"BACK_POPULATES", "BACKREF_ON_CHILD", "BACKREF_ON_PARENT"})
@interface EachBidirectionalWiring {}
