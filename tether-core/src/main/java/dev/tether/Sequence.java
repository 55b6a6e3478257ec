package dev.tether;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Takes the generated {@link Id} of a model from a database sequence, as SQLAlchemy's {@code
 * Column(Integer, Sequence("name"), primary_key=True)} does. At flush, the keys of all the model's
 * new rows come from one query ({@code SELECT nextval(...)} once per row, in one statement), and
 * the rows are then inserted with their keys in ordinary batches: no {@code INSERT ... RETURNING}
 * is needed, so this is how to write a table that refuses RETURNING (a PostgreSQL table with
 * conditional rules, as in rule-based partitioning) or is reached through a view.
 *
 * <pre>{@code
 * @Table("measurement")
 * public class Measurement extends Model {
 *   @Id @Sequence("measurement_id_seq") public Long id;
 *   public LocalDate logdate;
 * }
 * }</pre>
 *
 * <p>{@code createAll} creates the sequence (if it does not exist) and gives the column {@code
 * DEFAULT nextval(...)}, so rows inserted by other programs draw from it too. On a database without
 * sequences (SQLite) the annotation is ignored and the key is generated as usual. Allowed only on
 * the single {@code Integer} or {@code Long} {@code @Id} of a model.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Sequence {
  /** The sequence's name, used as written (the dialect quotes it). */
  String value();
}
