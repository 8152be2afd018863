package io.github.lineprof;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method or constructor for line-by-line profiling, like line_profiler's {@code @profile}.
 * On a class, interface, enum or record it profiles every method and constructor with a body
 * declared in it and in the classes nested in it.
 *
 * <p>The lineprof annotation processor writes an instrumented copy of the method's source file; the
 * original class is untouched and runs at full speed unless lineprof's harness or agent swaps the
 * instrumented class in.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.TYPE})
public @interface LineProfile {}
