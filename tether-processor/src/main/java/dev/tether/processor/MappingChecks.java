package dev.tether.processor;

import dev.tether.Check;
import dev.tether.Column;
import dev.tether.Enumerated;
import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Index;
import dev.tether.Relationship;
import dev.tether.Sequence;
import dev.tether.Table;
import dev.tether.UniqueConstraint;
import dev.tether.Version;
import dev.tether.mapping.FieldMessages;
import dev.tether.mapping.MappingMessages;
import dev.tether.mapping.MappingMessages.Message;
import dev.tether.mapping.MappingMessages.NotModel;
import dev.tether.mapping.Names;
import dev.tether.mapping.TableConstraints;
import dev.tether.mapping.TableConstraints.Declared;
import dev.tether.mapping.TableConstraints.Kind;
import dev.tether.processor.CompiledModels.Key;
import dev.tether.processor.CompiledModels.Rel;
import dev.tether.processor.MappedClass.ColumnField;
import dev.tether.processor.MappedClass.RelationshipField;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
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
 * The checks {@code Registry.of} makes that the sources alone decide, run at compile time. Each
 * finding carries the {@link MappingMessages} text the runtime would throw; the checks follow
 * {@code ModelReader} (fields), {@code Configurator} (foreign keys), {@code Joins} (several keys
 * and no way to choose) and {@code BackPopulation} (backref and backPopulates pairs). What depends
 * on which classes a registry holds (two models of one table, a key's type) stays with {@code
 * Registry.of}.
 */
final class MappingChecks {
  private static final String RELATIONSHIP = "dev.tether.Relationship";
  private static final String FOREIGN_KEY = "dev.tether.ForeignKey";
  private static final Pattern FK_SYNTAX = Pattern.compile("[^.\\s]+\\.[^.\\s]+");
  private final Env env;
  private final CompiledModels models;
  private final List<Finding> findings = new ArrayList<>();
  private final EmbeddedChecks embedded;
  private final ColumnTypes columnTypes;

  private MappingChecks(Env env, CompiledModels models) {
    this.env = env;
    this.models = models;
    this.embedded = new EmbeddedChecks(env, this);
    this.columnTypes = new ColumnTypes(env);
  }

  /**
   * Every mistake in {@code sources} (model classes compiled now, abstract ones included, and
   * {@code @Embeddable} classes).
   */
  static List<Finding> check(Env env, CompiledModels models, List<TypeElement> sources) {
    MappingChecks c = new MappingChecks(env, models);
    for (TypeElement t : sources) {
      if (t.getAnnotation(dev.tether.Embeddable.class) != null) {
        c.embedded.checkEmbeddable(t);
      }
      if (!env.isModelSubclass(t) && t.getAnnotation(dev.tether.Embeddable.class) == null) {
        continue;
      }
      c.checkUnmappedFields(t);
      if (!env.isModelSubclass(t)) {
        continue;
      }
      for (VariableElement f : MappedClass.declaredInstanceFields(t)) {
        c.checkField(t, f);
      }
      MappedClass m = models.model(t);
      if (m != null) {
        c.checkModel(m);
      }
      c.findings.addAll(new HookChecks(env).check(t));
    }
    c.checkBackrefs();
    return c.findings;
  }

  // ---- one field ---------------------------------------------------------------------------

  /** Static and transient fields are never mapped; one with Tether's annotations is a mistake. */
  private void checkUnmappedFields(TypeElement owner) {
    for (VariableElement f : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
      Set<Modifier> modifiers = f.getModifiers();
      String modifier =
          modifiers.contains(Modifier.STATIC)
              ? "static"
              : modifiers.contains(Modifier.TRANSIENT) ? "transient" : null;
      if (modifier == null) {
        continue;
      }
      for (AnnotationMirror a : f.getAnnotationMirrors()) {
        TypeElement type = (TypeElement) a.getAnnotationType().asElement();
        if (type.getQualifiedName().toString().equals("dev.tether." + type.getSimpleName())) {
          report(
              f,
              FieldMessages.ignoredAnnotation(
                  Env.simpleName(owner) + "." + Env.simpleName(f),
                  modifier,
                  "@" + type.getSimpleName()));
          break;
        }
      }
    }
  }

  private void checkField(TypeElement owner, VariableElement f) {
    String field = Env.simpleName(f);
    String where = Env.simpleName(owner) + "." + field;
    TypeMirror type = f.asType();
    if (type.getKind() == TypeKind.ERROR) {
      return; // javac reports the unknown type itself
    }
    if (env.isRelationshipType(type)) {
      checkRelationshipField(where, f);
      return;
    }
    if (MappedClass.isEmbedded(f)) {
      embedded.checkEmbeddedField(where, f, true);
      return;
    }
    checkColumnType(owner, f, where);
    Column column = f.getAnnotation(Column.class);
    if (column != null && !column.name().isEmpty() && column.name().isBlank()) {
      report(
          f,
          "dev.tether.Column",
          "name",
          FieldMessages.blankColumnName(where, column.name(), Names.snake(field)));
    }
    if (f.getModifiers().contains(Modifier.FINAL)) {
      report(f, MappingMessages.columnFinal(where));
    }
    ForeignKey fk = f.getAnnotation(ForeignKey.class);
    if (fk != null) {
      checkForeignKey(where, f, fk.value());
      checkActions(where, f, fk);
    }
    Sequence sequence = f.getAnnotation(Sequence.class);
    if (sequence != null) {
      checkSequence(owner, where, f, sequence);
    }
    checkStorage(owner, where, f);
    Message filled = DatabaseValueCheck.of(f, where);
    if (filled != null) {
      report(f, filled);
    }
  }

  /** A column field's type is a column type, or one stored through a converter or JSON. */
  void checkColumnType(TypeElement owner, VariableElement f, String where) {
    String field = Env.simpleName(f);
    TypeMirror type = f.asType();
    if (f.getAnnotation(Relationship.class) != null) {
      report(f, MappingMessages.relationshipFieldType(where, field, typeName(type), element(type)));
    } else if (!columnTypes.isColumnType(type) && !columnTypes.converted(owner, f)) {
      report(
          f,
          MappingMessages.columnType(
              where,
              field,
              typeName(type),
              element(type),
              env.isModelType(type),
              env.isCollection(type) && !element(type).equals("T")));
    }
  }

  /** The simple name of the converter class of the field's own {@code @Convert}, or null. */
  private static String converterOnField(VariableElement f) {
    for (AnnotationMirror a : f.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) a.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals("dev.tether.Convert")) {
        for (var e : a.getElementValues().entrySet()) {
          if (e.getValue().getValue() instanceof DeclaredType d) {
            return d.asElement().getSimpleName().toString();
          }
        }
      }
    }
    return null;
  }

  /** {@code onDelete} and {@code onUpdate} are referential actions the column allows. */
  private void checkActions(String where, VariableElement f, ForeignKey fk) {
    Column column = f.getAnnotation(Column.class);
    boolean nullable =
        f.getAnnotation(Id.class) == null
            && f.getAnnotation(Version.class) == null
            && !f.asType().getKind().isPrimitive()
            && (column == null || column.nullable());
    for (String attribute : List.of("onDelete", "onUpdate")) {
      String value = attribute.equals("onDelete") ? fk.onDelete() : fk.onUpdate();
      Message m = TableConstraints.actionMistake(where, attribute, value, nullable);
      if (m != null) {
        report(f, FOREIGN_KEY, attribute, m);
        return;
      }
    }
  }

  /** {@code @Sequence} only on a generated key: the single Integer or Long {@code @Id}. */
  private void checkSequence(TypeElement owner, String where, VariableElement f, Sequence s) {
    String type = f.asType().toString();
    boolean whole = List.of("int", "long", "java.lang.Integer", "java.lang.Long").contains(type);
    long ids =
        owner.getEnclosedElements().stream()
            .filter(e -> e.getKind() == ElementKind.FIELD && e.getAnnotation(Id.class) != null)
            .count();
    if (f.getAnnotation(Id.class) == null || !whole || ids != 1) {
      report(f, MappingMessages.sequenceNotOnGeneratedKey(where));
    } else if (s.value().isBlank()) {
      report(f, "dev.tether.Sequence", "value", MappingMessages.sequenceBlank(where));
    }
  }

  /**
   * {@code @Enumerated} on an enum, {@code @Column(precision, scale)} on an unconverted decimal.
   */
  void checkStorage(TypeElement owner, String where, VariableElement f) {
    TypeMirror type = f.asType();
    String converter = converterOnField(f);
    if (converter != null && f.getAnnotation(dev.tether.Json.class) != null) {
      report(f, FieldMessages.jsonAndConvert(where, converter));
    }
    boolean isEnum = type instanceof DeclaredType d && d.asElement().getKind() == ElementKind.ENUM;
    if (f.getAnnotation(Enumerated.class) != null && (!isEnum || columnTypes.converted(owner, f))) {
      report(f, MappingMessages.enumeratedNotEnum(where, simple(type)));
    }
    Column column = f.getAnnotation(Column.class);
    boolean sized = column != null && (column.precision() != 0 || column.scale() != 0);
    boolean decimal =
        type instanceof DeclaredType d
            && ((TypeElement) d.asElement())
                .getQualifiedName()
                .contentEquals("java.math.BigDecimal");
    if (sized && !decimal && !columnTypes.converted(owner, f)) {
      report(
          f,
          MappingMessages.decimalSize(
              where,
              column.precision(),
              column.scale(),
              "applies to BigDecimal columns only, and this field's column holds "
                  + simple(type)
                  + ". Remove precision and scale."));
    }
  }

  private void checkRelationshipField(String where, VariableElement f) {
    String field = Env.simpleName(f);
    boolean many = env.isMany(f.asType());
    if (!f.getModifiers().contains(Modifier.FINAL)) {
      report(f, MappingMessages.relationshipNotFinal(where, field, many, element(f.asType())));
    }
    List<? extends TypeMirror> args = Env.arguments(f.asType());
    if (args.size() == 1 && args.get(0).getKind() == TypeKind.ERROR) {
      return;
    }
    TypeElement target = MappedClass.targetOf(f.asType());
    if (target == null) {
      report(f, MappingMessages.relationshipType(where, many));
      return;
    }
    NotModel notModel =
        env.isModel(target)
            ? NotModel.BASE_CLASS
            : !env.isModelSubclass(target)
                ? NotModel.NOT_A_MODEL
                : target.getModifiers().contains(Modifier.ABSTRACT) ? NotModel.ABSTRACT : null;
    if (notModel != null) {
      report(f, MappingMessages.targetNotModel(where, Env.simpleName(target), notModel));
    }
    Relationship r = f.getAnnotation(Relationship.class);
    if (r != null && !many && !r.orderBy().isBlank()) {
      report(f, RELATIONSHIP, "orderBy", FieldMessages.orderByOnOne(where, r.orderBy()));
    }
    if (r != null && !r.backPopulates().isBlank() && !r.backref().isBlank()) {
      report(
          f,
          RELATIONSHIP,
          "backref",
          MappingMessages.backrefAndBackPopulates(
              where, field, Env.simpleName(target), r.backPopulates().trim(), r.backref().trim()));
    }
  }

  /** {@code @ForeignKey("table.column")} names a table some model maps, and a column of it. */
  private void checkForeignKey(String where, VariableElement f, String value) {
    if (!FK_SYNTAX.matcher(value).matches()) {
      report(f, FOREIGN_KEY, "value", MappingMessages.foreignKeySyntax(where, value));
      return;
    }
    int dot = value.lastIndexOf('.');
    String table = value.substring(0, dot);
    String column = value.substring(dot + 1);
    List<MappedClass> mapping = models.mapping(table);
    if (mapping.isEmpty()) {
      report(
          f,
          FOREIGN_KEY,
          "value",
          MappingMessages.foreignKeyTable(where, value, table, models.tables()));
      return;
    }
    for (MappedClass m : mapping) {
      if (m.columns.stream().anyMatch(c -> c.column().equals(column))) {
        return;
      }
    }
    MappedClass target = mapping.get(0);
    List<String> columns = new ArrayList<>();
    target.columns.forEach(c -> columns.add(c.column()));
    ColumnField byField = target.column(column);
    report(
        f,
        FOREIGN_KEY,
        "value",
        MappingMessages.foreignKeyColumn(
            where, value, table, column, columns, byField == null ? null : byField.column()));
  }

  // ---- one model ---------------------------------------------------------------------------

  private void checkModel(MappedClass m) {
    Table table = m.type.getAnnotation(Table.class);
    if (table != null && table.value().isBlank()) {
      report(
          m.type,
          "dev.tether.Table",
          "value",
          MappingMessages.blankTableName(m.name, table.value(), Names.snake(m.name)));
    }
    if (!m.hasId) {
      report(m.type, MappingMessages.noId(m.name));
    }
    if (m.isInner()) {
      report(
          m.type,
          MappingMessages.noConstructor(m.name, Env.simpleName(m.type.getEnclosingElement())));
    } else if (!hasNoArgumentConstructor(m.type)) {
      report(m.type, MappingMessages.noConstructor(m.name, null));
    }
    if (m.concrete) {
      checkConstraints(m); // an abstract class's annotations may name its subclasses' fields
    }
    embedded.checkColumnNames(m);
    for (RelationshipField f : m.relationships) {
      Rel r = models.declared(m, f);
      checkJoin(r);
      if (!f.backPopulates().isEmpty() && f.backref().isEmpty()) {
        checkBackPopulates(r, f.backPopulates());
      }
    }
  }

  /**
   * Like {@code Joins}: several keys link the two tables and neither {@code foreignKeys} nor the
   * field types leave one. Reported once per backPopulates pair, on the side {@link #reportsPair}
   * picks, since naming the key on either side settles both.
   */
  private void checkJoin(Rel r) {
    MappedClass target = models.model(r.target());
    if (target == null || !r.field().secondary().isEmpty()) {
      return;
    }
    List<Key> left = models.keysLeft(r, target);
    if (left.size() < 2) {
      return;
    }
    Rel partner =
        r.field().backPopulates().isEmpty()
            ? null
            : models.relationship(target, r.field().backPopulates());
    if (partner != null
        && !partner.isBackref()
        && r.name().equals(partner.field().backPopulates())
        && models.keysLeft(partner, r.owner()).size() > 1
        && !reportsPair(r, partner)) {
      return;
    }
    List<String> keys = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    left.forEach(
        k -> {
          keys.add(describe(k));
          fields.add(k.column().name());
        });
    report(
        r.field().field(),
        RELATIONSHIP,
        "foreignKeys",
        MappingMessages.ambiguousForeignKeys(
            r.qualifiedName(),
            r.owner().name,
            target.name,
            keys,
            fields,
            left.stream().map(Key::onOwner).distinct().count() > 1));
  }

  /**
   * Like {@code ModelReader.readConstraints}: the class-level {@code @Index},
   * {@code @UniqueConstraint} and {@code @Check} of the class and its mapped superclasses, then
   * {@code @Column(index = true)} fields, checked by the same {@link TableConstraints}.
   */
  private void checkConstraints(MappedClass m) {
    Deque<TypeElement> chain = new ArrayDeque<>();
    for (TypeElement c = m.type; c != null && env.isModelSubclass(c); c = env.superclass(c)) {
      chain.push(c);
    }
    List<Declared> declared = new ArrayList<>();
    for (TypeElement c : chain) {
      for (Index i : c.getAnnotationsByType(Index.class)) {
        Kind kind = i.unique() ? Kind.UNIQUE_INDEX : Kind.INDEX;
        declared.add(new Declared(kind, List.of(i.columns()), i.name(), null, null));
      }
      for (UniqueConstraint u : c.getAnnotationsByType(UniqueConstraint.class)) {
        declared.add(
            new Declared(Kind.UNIQUE_CONSTRAINT, List.of(u.columns()), u.name(), null, null));
      }
      for (Check k : c.getAnnotationsByType(Check.class)) {
        declared.add(new Declared(Kind.CHECK, List.of(), k.name(), k.value(), null));
      }
    }
    List<TableConstraints.Field> fields = new ArrayList<>();
    Set<String> unique = new HashSet<>();
    Map<Declared, VariableElement> onFields = new IdentityHashMap<>();
    for (ColumnField c : m.columns) {
      fields.add(new TableConstraints.Field(c.name(), c.column()));
      if (c.unique()) {
        unique.add(c.column());
      }
      Column column = c.field().getAnnotation(Column.class);
      if (column != null && column.index()) {
        Declared d = new Declared(Kind.INDEX, List.of(c.name()), "", null, m.name + "." + c.name());
        declared.add(d);
        onFields.put(d, c.field());
      }
    }
    TableConstraints.Result result =
        TableConstraints.resolve(m.name, m.table, fields, declared, unique);
    Declared at = result.at();
    if (result.mistake() == null) {
      return;
    }
    if (onFields.containsKey(at)) {
      report(onFields.get(at), "dev.tether.Column", "index", result.mistake());
    } else {
      String annotation =
          switch (at.kind()) {
            case INDEX, UNIQUE_INDEX -> "dev.tether.Index";
            case UNIQUE_CONSTRAINT -> "dev.tether.UniqueConstraint";
            case CHECK -> "dev.tether.Check";
          };
      report(m.type, annotation, at.kind() == Kind.CHECK ? "value" : "columns", result.mistake());
    }
  }

  static boolean hasNoArgumentConstructor(TypeElement t) {
    for (ExecutableElement c : ElementFilter.constructorsIn(t.getEnclosedElements())) {
      if (c.getParameters().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  // ---- backPopulates and backref -----------------------------------------------------------

  /** Like {@code BackPopulation.linkPair}: the named relationship exists and names r back. */
  private void checkBackPopulates(Rel r, String name) {
    MappedClass owner = r.owner();
    MappedClass target = models.model(r.target());
    if (target == null) {
      return; // not a model: reported on the field
    }
    Rel other = models.relationship(target, name);
    List<String> back = relationshipsBack(r, target);
    if (other == null) {
      Message m =
          target.column(name) != null
              ? MappingMessages.backPopulatesColumn(models.side(r), name, back, fieldNames(target))
              : MappingMessages.backPopulatesMissing(
                  models.side(r),
                  name,
                  names(models.relationships(target)),
                  owner != target && models.relationship(owner, name) != null,
                  back,
                  fieldNames(target));
      report(r.field().field(), RELATIONSHIP, "backPopulates", m);
      return;
    }
    if (!owner.type.equals(other.target())) {
      report(
          r.field().field(),
          RELATIONSHIP,
          "backPopulates",
          MappingMessages.backPopulatesWrongTarget(
              models.side(r), name, Env.simpleName(other.target()), back, fieldNames(target)));
      return;
    }
    Rel claimed = claimedPartner(other);
    if (!r.equals(claimed)) {
      Message m =
          claimed != null && other.equals(claimedPartner(claimed))
              ? MappingMessages.backPopulatesTaken(models.side(r), name, taken(other, claimed))
              : MappingMessages.backPopulatesOneSided(
                  models.side(r), name, other.declaration().backPopulates());
      report(r.field().field(), RELATIONSHIP, "backPopulates", m);
      return;
    }
    checkDirections(r, other, target);
  }

  /**
   * Both sides Many (without {@code secondary}), or both One between rows of one table: a pair of
   * the same direction over one key. Reported once, on the side declared first.
   */
  private void checkDirections(Rel r, Rel other, MappedClass target) {
    boolean secondary =
        !r.declaration().secondary().isEmpty() || !other.declaration().secondary().isEmpty();
    boolean bothMany = r.many() && other.many();
    boolean bothOneOfOneTable = !r.many() && !other.many() && r.owner() == target;
    if (secondary || !(bothMany || bothOneOfOneTable)) {
      return;
    }
    if (!reportsPair(r, other)) {
      return; // one report per pair: the other side's check makes it
    }
    Key key = models.key(r, target);
    if (key == null) {
      return; // no single key: Registry.of explains the join condition
    }
    ColumnField c = key.column();
    String hint =
        bothOneOfOneTable
            ? MappingMessages.selfOneToOneHint(
                r.owner().name, c.foreignKey(), boxedName(c), c.name(), r.name(), other.name())
            : "";
    report(
        r.field().field(),
        RELATIONSHIP,
        "backPopulates",
        MappingMessages.sameDirection(
            r.qualifiedName(),
            other.qualifiedName(),
            other.name(),
            r.owner().name,
            r.many(),
            describe(key),
            hint));
  }

  /**
   * Which side of a pair reports a mistake of the pair as a whole: in one class the one declared
   * first (as {@code Registry.of} does), across classes the first by name, unless the other is not
   * compiled now.
   */
  private boolean reportsPair(Rel r, Rel other) {
    if (r.owner() == other.owner()) {
      return r.owner().relationships.indexOf(r.field())
          < r.owner().relationships.indexOf(other.field());
    }
    return !models.isSource(other.owner().type)
        || r.qualifiedName().compareTo(other.qualifiedName()) < 0;
  }

  /** Backrefs that collide with a field or with another backref of the target. */
  private void checkBackrefs() {
    models
        .refusedBackrefs()
        .forEach(
            (r, existing) -> {
              if (!models.isSource(r.owner().type)
                  || !models.isSource((TypeElement) r.field().field().getEnclosingElement())) {
                return;
              }
              String name = r.field().backref();
              MappedClass target = models.model(r.target());
              Message m =
                  existing == null
                      ? MappingMessages.backrefCollidesWithColumn(
                          models.side(r), name, names(models.relationships(target)))
                      : existing.isBackref()
                          ? MappingMessages.backrefTakenByBackref(
                              models.side(r), name, existing.creator().qualifiedName())
                          : MappingMessages.backrefCollidesWithRelationship(models.side(r), name);
              report(r.field().field(), RELATIONSHIP, "backref", m);
            });
  }

  /** The relationship {@code r} declares as its partner, as {@code BackPopulation} finds it. */
  private Rel claimedPartner(Rel r) {
    if (r.isBackref()) {
      return r.creator();
    }
    MappedClass target = models.model(r.target());
    RelationshipField f = r.field();
    if (target == null) {
      return null;
    }
    if (!f.backref().isEmpty()) {
      return models.relationship(target, f.backref());
    }
    return f.backPopulates().isEmpty() ? null : models.relationship(target, f.backPopulates());
  }

  private static String taken(Rel other, Rel claimed) {
    if (other.isBackref()) {
      return MappingMessages.takenAsBackref(other.qualifiedName(), claimed.qualifiedName());
    }
    if (claimed.isBackref()) {
      return MappingMessages.takenByBackref(
          other.qualifiedName(), claimed.qualifiedName(), claimed.name());
    }
    return MappingMessages.takenByPair(other.qualifiedName(), claimed.qualifiedName());
  }

  /** The target's relationships that lead back to r's owner, r excluded. */
  private List<String> relationshipsBack(Rel r, MappedClass target) {
    List<String> back = new ArrayList<>();
    for (Rel x : models.relationships(target)) {
      if (r.owner().type.equals(x.target()) && !x.equals(r)) {
        back.add(x.name());
      }
    }
    return back;
  }

  private Set<String> fieldNames(MappedClass m) {
    Set<String> all = new HashSet<>(names(models.relationships(m)));
    m.columns.forEach(c -> all.add(c.name()));
    return all;
  }

  private static List<String> names(List<Rel> rels) {
    List<String> names = new ArrayList<>();
    rels.forEach(r -> names.add(r.name()));
    return names;
  }

  /** {@code Child.parentId (child.parent_id → parent.id)}, as {@code ColumnMapping} says it. */
  private static String describe(Key key) {
    ColumnField c = key.column();
    return key.holder().name
        + "."
        + c.name()
        + " ("
        + key.holder().table
        + "."
        + c.column()
        + " → "
        + c.foreignKey()
        + ")";
  }

  private static String boxedName(ColumnField c) {
    TypeMirror t = c.field().asType();
    return switch (t.getKind()) {
      case INT -> "Integer";
      case LONG -> "Long";
      default -> Env.simpleName(((DeclaredType) t).asElement());
    };
  }

  // ---- types in messages -------------------------------------------------------------------

  /** {@code List<Child>}: the type with simple names, as {@code ModelReader} prints it. */
  private static String typeName(TypeMirror t) {
    List<? extends TypeMirror> args = Env.arguments(t);
    if (args.size() == 1 && args.get(0).getKind() == TypeKind.DECLARED) {
      return simple(t) + "<" + simple(args.get(0)) + ">";
    }
    return simple(t);
  }

  /** The element type's simple name ({@code List<Child>}, {@code Child[]}, {@code Child}). */
  private String element(TypeMirror t) {
    List<? extends TypeMirror> args = Env.arguments(t);
    if (args.size() == 1 && args.get(0).getKind() == TypeKind.DECLARED) {
      return simple(args.get(0));
    }
    if (t instanceof ArrayType a) {
      return simple(a.getComponentType());
    }
    return env.isModelType(t) ? simple(t) : "T";
  }

  static String simple(TypeMirror t) {
    if (t instanceof DeclaredType d) {
      return Env.simpleName(d.asElement());
    }
    if (t instanceof ArrayType a) {
      return simple(a.getComponentType()) + "[]";
    }
    return t.toString();
  }

  void report(Element e, Message m) {
    if (inSources(e)) {
      findings.add(Finding.on(e, m));
    }
  }

  void report(Element e, String annotation, String attribute, Message m) {
    if (inSources(e)) {
      findings.add(Finding.on(e, annotation, attribute, m));
    }
  }

  /**
   * Whether {@code e} is (in) a class compiled now (javac can only point into sources), and not a
   * field the user silenced with {@code @SuppressWarnings("tether")}.
   */
  private boolean inSources(Element e) {
    if (e.getKind() == ElementKind.FIELD) {
      SuppressWarnings s = e.getAnnotation(SuppressWarnings.class);
      if (s != null && List.of(s.value()).contains(TetherProcessor.SUPPRESS)) {
        return false;
      }
    }
    Element type = e.getKind() == ElementKind.FIELD ? e.getEnclosingElement() : e;
    return type instanceof TypeElement t && models.isSource(t);
  }
}
