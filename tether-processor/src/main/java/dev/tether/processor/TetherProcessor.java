package dev.tether.processor;

import dev.tether.Embeddable;
import dev.tether.mapping.LifecycleEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Tether's annotation processor: {@code javac} runs it on every class that extends {@code Model} or
 * is {@code @Embeddable}, and
 *
 * <ol>
 *   <li>reports, as compile errors on the offending line, the mapping mistakes {@code Registry.of}
 *       would throw at run time ({@link MappingChecks}, {@link EmbeddedChecks}), with the same text
 *       and code;
 *   <li>writes each model's typed metamodel, {@code Parent_}, and each embeddable's, {@code
 *       Address_} ({@link MetamodelWriter});
 *   <li>writes the model index {@code META-INF/tether/models} that {@code Registry.scan()} reads
 *       ({@link ModelIndexWriter}).
 * </ol>
 *
 * <p>Found by {@code javac} through its service file when {@code tether-processor} is on the class
 * path (JDK 22 and older), or named with {@code -processorpath} / Maven's {@code
 * annotationProcessorPaths}. A class annotated {@code @SuppressWarnings("tether")} (or nested in
 * one) is left alone: not checked, no metamodel, not indexed — for models that are wrong on
 * purpose, such as a demonstration of the runtime check; on a field, nothing is reported about that
 * field.
 *
 * <p>It claims Tether's own annotations (so that {@code -Xlint:processing} finds none unclaimed)
 * and no other.
 */
public final class TetherProcessor extends AbstractProcessor {
  /** The {@code @SuppressWarnings} key that makes the processor leave a class or field alone. */
  static final String SUPPRESS = "tether";

  private Env env;
  private final List<TypeElement> sources = new ArrayList<>();
  private final Set<String> index = new TreeSet<>();
  private final Set<String> written = new HashSet<>();

  /** For {@code javac}'s service loader. */
  public TetherProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    env = new Env(processingEnv);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    // javac calls the processor when one of these is present in a round; it then looks at every
    // class of the round, so that a model without annotations of its own is seen too
    Set<String> names =
        new HashSet<>(
            Set.of(
                "dev.tether.Table",
                "dev.tether.Id",
                "dev.tether.Column",
                "dev.tether.ForeignKey",
                "dev.tether.Relationship",
                "dev.tether.Version",
                "dev.tether.Sequence",
                "dev.tether.Embeddable",
                "dev.tether.Embedded",
                // on the metamodel classes it generates
                "javax.annotation.processing.Generated"));
    for (LifecycleEvent e : LifecycleEvent.values()) {
      names.add(e.annotation().getName()); // @BeforeInsert and its siblings, on methods
    }
    return names;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (!env.tetherPresent()) {
      return false;
    }
    if (round.processingOver()) {
      writeIndex();
      return true;
    }
    List<TypeElement> found = new ArrayList<>();
    for (Element e : round.getRootElements()) {
      collect(e, found);
    }
    if (found.isEmpty()) {
      return true;
    }
    sources.addAll(found);
    CompiledModels models = new CompiledModels(env, sources);
    Set<String> reported = new LinkedHashSet<>();
    for (Finding f : MappingChecks.check(env, models, found)) {
      if (reported.add(f.element() + "\n" + f.text())) {
        processingEnv
            .getMessager()
            .printMessage(Diagnostic.Kind.ERROR, f.text(), f.element(), f.annotation(), f.value());
      }
    }
    for (TypeElement t : found) {
      MappedClass m = models.model(t);
      if (m != null) {
        writeMetamodel(models, m);
        index.add(env.elements.getBinaryName(t).toString());
        writeEmbeddableMetamodels(m);
      } else if (!env.isModelSubclass(t)) {
        writeEmbeddableMetamodel(t);
      }
    }
    return true;
  }

  /**
   * {@code e} and the classes nested in it that extend {@code Model} or are {@code @Embeddable},
   * unless suppressed.
   */
  private void collect(Element e, List<TypeElement> found) {
    if (!(e instanceof TypeElement t) || suppressed(t)) {
      return;
    }
    if (env.isModelSubclass(t) || t.getAnnotation(Embeddable.class) != null) {
      found.add(t);
    }
    for (TypeElement nested : ElementFilter.typesIn(t.getEnclosedElements())) {
      collect(nested, found);
    }
  }

  private static boolean suppressed(Element e) {
    for (Element x = e; x != null; x = x.getEnclosingElement()) {
      SuppressWarnings s = x.getAnnotation(SuppressWarnings.class);
      if (s != null && List.of(s.value()).contains(SUPPRESS)) {
        return true;
      }
    }
    return false;
  }

  private void writeMetamodel(CompiledModels models, MappedClass m) {
    String name = MetamodelWriter.metamodelName(m.type);
    if (!written.add(name)) {
      return;
    }
    write(name, m.type, MetamodelWriter.write(env, models, m));
  }

  /** Writes the metamodel {@code name} of {@code type}. */
  private void write(String name, TypeElement type, String source) {
    try {
      JavaFileObject file = processingEnv.getFiler().createSourceFile(name, type);
      try (Writer out = file.openWriter()) {
        out.write(source);
      }
    } catch (FilerException e) {
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR,
              "[tether:metamodel] cannot write "
                  + name
                  + ", the metamodel of "
                  + type.getSimpleName()
                  + ": "
                  + e.getMessage()
                  + ". Is there a class of that name already? Rename it, or annotate "
                  + type.getSimpleName()
                  + " with @SuppressWarnings(\"tether\") to do without a metamodel.",
              type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The metamodels of the embeddables {@code m} embeds that have none yet (from a library compiled
   * without the processor), so that {@code m}'s metamodel compiles.
   */
  private void writeEmbeddableMetamodels(MappedClass m) {
    Set<TypeElement> embeddables = new LinkedHashSet<>();
    for (MappedClass.ColumnField c : m.columns) {
      if (c.embeddedIn() != null) {
        MappedClass.embeddables(MappedClass.embeddable(c.embeddedIn().asType()), env, embeddables);
      }
    }
    for (TypeElement type : embeddables) {
      if (env.elements.getTypeElement(MetamodelWriter.metamodelName(type)) == null) {
        writeEmbeddableMetamodel(type);
      }
    }
  }

  private void writeEmbeddableMetamodel(TypeElement type) {
    String name = MetamodelWriter.metamodelName(type);
    if (!written.add(name)) {
      return;
    }
    write(name, type, MetamodelWriter.writeEmbeddable(env, type));
  }

  private void writeIndex() {
    try {
      ModelIndexWriter.write(processingEnv.getFiler(), index, this::stillModel);
    } catch (IOException e) {
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR,
              "[tether:model-index] cannot write "
                  + ModelIndexWriter.RESOURCE
                  + ": "
                  + e.getMessage());
    }
  }

  /** Whether an entry of an earlier index still names a concrete, unsuppressed model. */
  private boolean stillModel(String binaryName) {
    TypeElement t = env.elements.getTypeElement(binaryName.replace('$', '.'));
    return t != null
        && env.isModelSubclass(t)
        && !t.getModifiers().contains(Modifier.ABSTRACT)
        && !suppressed(t);
  }
}
