package dev.tether.processor.library;

import dev.tether.Model;
import dev.tether.One;
import dev.tether.Relationship;

/**
 * Wrong on purpose (no {@code @Id}, a {@code backPopulates} naming nothing) and left alone by the
 * processor: not checked, no metamodel, not in the model index.
 */
@SuppressWarnings("tether")
public class Draft extends Model {
  @Relationship(backPopulates = "drafts")
  public final One<Author> author = one();
}
