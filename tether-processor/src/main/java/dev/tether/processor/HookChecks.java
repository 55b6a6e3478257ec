package dev.tether.processor;

import dev.tether.mapping.HookMessages;
import dev.tether.mapping.LifecycleEvent;
import dev.tether.mapping.MappingMessages.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * The checks of lifecycle hook methods ({@code @BeforeInsert} and its siblings) that {@code
 * Registry.of} makes through {@code ModelHooks}, run at compile time with the same {@link
 * HookMessages} texts: a hook is an instance method, returns void and takes nothing or one {@code
 * Session}. Abstract model classes are checked too, since their hooks run for every subclass.
 */
final class HookChecks {
  private static final String SESSION = "dev.tether.Session";

  private final Env env;

  HookChecks(Env env) {
    this.env = env;
  }

  /** The mistakes in the hook methods declared by {@code type}. */
  List<Finding> check(TypeElement type) {
    List<Finding> findings = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      SuppressWarnings s = m.getAnnotation(SuppressWarnings.class);
      if (s != null && List.of(s.value()).contains(TetherProcessor.SUPPRESS)) {
        continue;
      }
      for (LifecycleEvent e : LifecycleEvent.values()) {
        if (m.getAnnotation(e.annotation()) != null) {
          Message mistake = mistake(type, m, e);
          if (mistake != null) {
            findings.add(Finding.on(m, mistake));
            break; // one report per method, as Registry.of stops at the first
          }
        }
      }
    }
    return findings;
  }

  private Message mistake(TypeElement type, ExecutableElement m, LifecycleEvent e) {
    String method = name(type, m);
    String name = Env.simpleName(m);
    if (m.getModifiers().contains(Modifier.STATIC)) {
      return HookMessages.hookStatic(method, e.written(), Env.simpleName(type));
    }
    List<? extends VariableElement> params = m.getParameters();
    if (params.size() > 1
        || (params.size() == 1
            && !env.types.erasure(params.get(0).asType()).toString().equals(SESSION))) {
      return HookMessages.hookParameters(method, e.written(), name);
    }
    if (m.getReturnType().getKind() != TypeKind.VOID) {
      return HookMessages.hookReturns(method, e.written(), simple(m.getReturnType()), name);
    }
    return null;
  }

  /** {@code Owner.name(Param, ...)}, with the simple names of the erased types. */
  private String name(TypeElement type, ExecutableElement m) {
    return Env.simpleName(type)
        + "."
        + Env.simpleName(m)
        + m.getParameters().stream()
            .map(p -> simple(p.asType()))
            .collect(Collectors.joining(", ", "(", ")"));
  }

  /** The simple name {@code Class.getSimpleName} gives the erasure of {@code t}. */
  private String simple(TypeMirror t) {
    TypeMirror erased = env.types.erasure(t);
    if (erased instanceof ArrayType a) {
      return simple(a.getComponentType()) + "[]";
    }
    if (erased instanceof DeclaredType d) {
      return Env.simpleName(d.asElement());
    }
    return erased.toString();
  }
}
