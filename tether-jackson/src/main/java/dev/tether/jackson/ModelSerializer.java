package dev.tether.jackson;

import dev.tether.attribute.CollectionAttribute;
import dev.tether.attribute.InstanceState;
import dev.tether.attribute.ScalarAttribute;
import dev.tether.jackson.ModelPlan.ColumnProperty;
import dev.tether.jackson.ModelPlan.EmbeddedProperty;
import dev.tether.jackson.ModelPlan.LinkProperty;
import dev.tether.jackson.ModelPlan.Property;
import dev.tether.jackson.TetherModule.Reference;
import dev.tether.jackson.TetherModule.Reverse;
import dev.tether.jackson.TetherModule.Unloaded;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.Direction;
import dev.tether.mapping.RelationshipMapping;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes one model object and, through its loaded relationships, the graph below it, by the rules
 * of {@link TetherModule}. Relationship contents are read only when the container says they are
 * loaded, and then from memory ({@code peek}, {@code membersIfLoaded}): nothing here can load.
 */
final class ModelSerializer extends ValueSerializer<Object> {
  /** The per-call attribute holding the objects written so far in this document. */
  private static final Object WRITTEN = new Object();

  private final Options options;
  private final Plans plans;

  ModelSerializer(Options options, Plans plans) {
    this.options = options;
    this.plans = plans;
  }

  @Override
  public void serialize(Object value, JsonGenerator gen, SerializationContext ctxt) {
    writeModel(value, null, gen, ctxt);
  }

  /** {@code model} in full, or as a reference when this document already holds it. */
  private void writeModel(
      Object model, RelationshipMapping via, JsonGenerator gen, SerializationContext ctxt) {
    if (!written(ctxt).add(model)) {
      writeReference(model, gen, ctxt);
      return;
    }
    ModelPlan plan = plans.of(model.getClass(), ctxt.getConfig());
    gen.writeStartObject(model);
    for (Property p : plan.properties()) {
      if (p instanceof ColumnProperty c) {
        if (options.foreignKeys() || !plan.isForeignKey(c.column())) {
          gen.writeName(c.name());
          ctxt.writeValue(gen, c.read(model));
        }
      } else if (p instanceof EmbeddedProperty e) {
        gen.writeName(e.name());
        writeEmbedded(model, e, gen, ctxt);
      } else {
        writeLink(model, (LinkProperty) p, via, gen, ctxt);
      }
    }
    gen.writeEndObject();
  }

  private static Set<Object> written(SerializationContext ctxt) {
    @SuppressWarnings("unchecked")
    Set<Object> seen = (Set<Object>) ctxt.getAttribute(WRITTEN);
    if (seen == null) {
      seen = Collections.newSetFromMap(new IdentityHashMap<>());
      ctxt.setAttribute(WRITTEN, seen);
    }
    return seen;
  }

  private static void writeEmbedded(
      Object model, EmbeddedProperty e, JsonGenerator gen, SerializationContext ctxt) {
    if (e.value().get(model) == null) {
      gen.writeNull();
      return;
    }
    gen.writeStartObject();
    for (Property part : e.parts()) {
      gen.writeName(part.name());
      if (part instanceof ColumnProperty c) {
        ctxt.writeValue(gen, c.read(model));
      } else {
        writeEmbedded(model, (EmbeddedProperty) part, gen, ctxt);
      }
    }
    gen.writeEndObject();
  }

  private void writeLink(
      Object model,
      LinkProperty link,
      RelationshipMapping via,
      JsonGenerator gen,
      SerializationContext ctxt) {
    RelationshipMapping r = link.relationship();
    InstanceState state = InstanceState.of(model);
    if (!state.isLoaded(r)) {
      if (options.unloaded() == Unloaded.KEYS && r.direction() == Direction.MANY_TO_ONE) {
        gen.writeName(link.name());
        writeForeignKey(model, r, gen, ctxt);
      }
      return;
    }
    boolean reverse = via != null && via.reverse() == r;
    if (reverse && options.reverse() == Reverse.OMIT) {
      return;
    }
    gen.writeName(link.name());
    writeContents(state.container(r), r, reverse, gen, ctxt);
  }

  /**
   * A {@code One} or {@code Many} met as a value of its own (the root, or inside a map or a DTO):
   * written as its relationship property would be, its members entered through that relationship.
   * An unloaded one is an error rather than a load, or an empty value that is not the truth.
   */
  void writeContainer(Object container, JsonGenerator gen, SerializationContext ctxt) {
    RelationshipMapping r =
        container instanceof CollectionAttribute<?> many
            ? many.relationship()
            : ((ScalarAttribute<?>) container).relationship();
    boolean loaded =
        container instanceof CollectionAttribute<?> many
            ? many.isLoaded()
            : ((ScalarAttribute<?>) container).isLoaded();
    if (!loaded) {
      ctxt.reportMappingProblem(
          "%s is not loaded, and serialisation never loads: load it with the query"
              + " (Load.selectin) or leave it out",
          r.qualifiedName());
    }
    writeContents(container, r, false, gen, ctxt);
  }

  private void writeContents(
      Object container,
      RelationshipMapping r,
      boolean reverse,
      JsonGenerator gen,
      SerializationContext ctxt) {
    if (container instanceof CollectionAttribute<?> many) {
      Object[] members = many.membersIfLoaded();
      gen.writeStartArray(container, members.length);
      for (Object member : members) {
        if (reverse) {
          writeReference(member, gen, ctxt);
        } else {
          writeModel(member, r, gen, ctxt);
        }
      }
      gen.writeEndArray();
      return;
    }
    Object target = ((ScalarAttribute<?>) container).peek();
    if (target == null) {
      gen.writeNull();
    } else if (reverse) {
      writeReference(target, gen, ctxt);
    } else {
      writeModel(target, r, gen, ctxt);
    }
  }

  /** An object's key, as {@link Reference} says; {@code null} when it has none yet. */
  private void writeReference(Object model, JsonGenerator gen, SerializationContext ctxt) {
    ModelPlan plan = plans.of(model.getClass(), ctxt.getConfig());
    List<ColumnProperty> key = plan.key();
    Object[] values = new Object[key.size()];
    boolean any = false;
    for (int i = 0; i < values.length; i++) {
      values[i] = key.get(i).read(model);
      any |= values[i] != null;
    }
    if (!any) {
      gen.writeNull();
    } else if (options.reference() == Reference.OBJECT) {
      gen.writeStartObject();
      for (int i = 0; i < values.length; i++) {
        gen.writeName(key.get(i).name());
        ctxt.writeValue(gen, values[i]);
      }
      gen.writeEndObject();
    } else if (values.length == 1) {
      ctxt.writeValue(gen, values[0]);
    } else {
      gen.writeStartArray();
      for (Object v : values) {
        ctxt.writeValue(gen, v);
      }
      gen.writeEndArray();
    }
  }

  /** An unloaded many-to-one as a reference made from its foreign-key field, without SQL. */
  private void writeForeignKey(
      Object model, RelationshipMapping r, JsonGenerator gen, SerializationContext ctxt) {
    ColumnMapping fk = r.foreignKey();
    Object v = fk.get(model);
    if (fk.converted()) {
      v = fk.fromColumnValue(v);
    }
    if (v == null) {
      gen.writeNull();
    } else if (options.reference() == Reference.OBJECT) {
      gen.writeStartObject();
      gen.writeName(plans.of(r.target().type(), ctxt.getConfig()).nameOf(r.referencedColumn()));
      ctxt.writeValue(gen, v);
      gen.writeEndObject();
    } else {
      ctxt.writeValue(gen, v);
    }
  }
}
