package dev.tether.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A boolean condition for {@code where} and {@code having}, made by the comparison methods of
 * {@link Expression} and by {@code any}/{@code has} of relationship attributes, combined with
 * {@link #and}, {@link #or} and {@link #not}.
 *
 * <pre>{@code
 * Condition c = Parent_.name.eq("p").or(Parent_.name.like("q%")).and(Parent_.id.gt(10));
 * Condition d = Condition.not(Condition.or(Child_.position.isNull(), Child_.position.lt(0)));
 * }</pre>
 */
public abstract class Condition {
  Condition() {}

  /** Renders the condition's SQL; values become parameters of {@code w}. */
  abstract void render(SqlWriter w);

  /** This and {@code other}. */
  public Condition and(Condition other) {
    return and(this, other);
  }

  /** This or {@code other}. */
  public Condition or(Condition other) {
    return or(this, other);
  }

  /** Not this. */
  public Condition not() {
    return not(this);
  }

  /** All of {@code conditions}; with none, always true. */
  public static Condition and(Condition... conditions) {
    return new Junction(" AND ", List.of(conditions));
  }

  /** Any of {@code conditions}; with none, always false. */
  public static Condition or(Condition... conditions) {
    return new Junction(" OR ", List.of(conditions));
  }

  /** The negation of {@code condition}. */
  public static Condition not(Condition condition) {
    return new Not(condition);
  }

  // ---- the nodes -------------------------------------------------------------------------------

  /** {@code x op ?}. */
  static final class Compare extends Condition {
    private final Expression<?> left;
    private final String op;
    private final Object value;

    Compare(Expression<?> left, String op, Object value) {
      this.left = left;
      this.op = op;
      this.value = value;
    }

    @Override
    void render(SqlWriter w) {
      left.render(w);
      w.append(" ").append(op).append(" ");
      w.bind(left, value);
    }
  }

  /** {@code x op y}, two expressions. */
  static final class CompareColumns extends Condition {
    private final Expression<?> left;
    private final String op;
    private final Expression<?> right;

    CompareColumns(Expression<?> left, String op, Expression<?> right) {
      this.left = left;
      this.op = op;
      this.right = right;
    }

    @Override
    void render(SqlWriter w) {
      left.render(w);
      w.append(" ").append(op).append(" ");
      right.render(w);
    }
  }

  /** {@code x [NOT] IN (?, ...)}. */
  static final class In extends Condition {
    private final Expression<?> left;
    private final List<?> values;
    private final boolean negated;

    In(Expression<?> left, List<?> values, boolean negated) {
      this.left = left;
      this.values = values;
      this.negated = negated;
    }

    @Override
    void render(SqlWriter w) {
      if (values.isEmpty()) {
        w.append(negated ? "1 = 1" : "1 = 0"); // IN () is not SQL
        return;
      }
      left.render(w);
      w.append(negated ? " NOT IN (" : " IN (");
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          w.append(", ");
        }
        w.bind(left, values.get(i));
      }
      w.append(")");
    }
  }

  /** {@code x [NOT] LIKE ?}. */
  static final class Like extends Condition {
    private final Expression<?> left;
    private final String pattern;
    private final boolean negated;

    Like(Expression<?> left, String pattern, boolean negated) {
      this.left = left;
      this.pattern = pattern;
      this.negated = negated;
    }

    @Override
    void render(SqlWriter w) {
      left.render(w);
      w.append(negated ? " NOT LIKE " : " LIKE ");
      w.bind(dev.tether.mapping.ColumnType.STRING, pattern);
    }
  }

  /** {@code x IS [NOT] NULL}. */
  static final class NullCheck extends Condition {
    private final Expression<?> left;
    private final boolean negated;

    NullCheck(Expression<?> left, boolean negated) {
      this.left = left;
      this.negated = negated;
    }

    @Override
    void render(SqlWriter w) {
      left.render(w);
      w.append(negated ? " IS NOT NULL" : " IS NULL");
    }
  }

  /** {@code x BETWEEN ? AND ?}. */
  static final class Between extends Condition {
    private final Expression<?> left;
    private final Object low;
    private final Object high;

    Between(Expression<?> left, Object low, Object high) {
      this.left = left;
      this.low = low;
      this.high = high;
    }

    @Override
    void render(SqlWriter w) {
      left.render(w);
      w.append(" BETWEEN ");
      w.bind(left, low);
      w.append(" AND ");
      w.bind(left, high);
    }
  }

  /** {@code (a AND b AND ...)} or {@code (a OR b OR ...)}. */
  static final class Junction extends Condition {
    private final String op;
    private final List<Condition> parts;

    Junction(String op, List<Condition> parts) {
      this.op = op;
      this.parts = flatten(op, parts);
    }

    private static List<Condition> flatten(String op, List<Condition> parts) {
      List<Condition> out = new ArrayList<>();
      for (Condition c : parts) {
        if (c instanceof Junction j && j.op.equals(op)) {
          out.addAll(j.parts);
        } else {
          out.add(java.util.Objects.requireNonNull(c, "condition"));
        }
      }
      return out;
    }

    @Override
    void render(SqlWriter w) {
      if (parts.isEmpty()) {
        w.append(op.equals(" AND ") ? "1 = 1" : "1 = 0");
        return;
      }
      if (parts.size() == 1) {
        parts.get(0).render(w);
        return;
      }
      w.append("(");
      for (int i = 0; i < parts.size(); i++) {
        if (i > 0) {
          w.append(op);
        }
        parts.get(i).render(w);
      }
      w.append(")");
    }
  }

  /** {@code NOT (x)}. */
  static final class Not extends Condition {
    private final Condition inner;

    Not(Condition inner) {
      this.inner = java.util.Objects.requireNonNull(inner, "condition");
    }

    @Override
    void render(SqlWriter w) {
      w.append("NOT (");
      inner.render(w);
      w.append(")");
    }
  }

  /**
   * {@code EXISTS (SELECT 1 FROM target WHERE <join to the outer row> AND <criteria>)}: {@code
   * any}/{@code has} of a relationship.
   */
  static final class Exists extends Condition {
    private final RelationshipAttribute<?, ?> relationship;
    private final Condition criteria;

    Exists(RelationshipAttribute<?, ?> relationship, Condition criteria) {
      this.relationship = relationship;
      this.criteria = criteria;
    }

    @Override
    void render(SqlWriter w) {
      w.exists(relationship, criteria);
    }
  }

  /**
   * The members of one owner's collection: {@code t.fk = ?}, or for many-to-many {@code EXISTS
   * (SELECT 1 FROM link WHERE link.target = t.key AND link.owner = ?)}. The owner's key is read
   * when the query runs (after the autoflush gave a new owner its key).
   */
  static final class MemberOf extends Condition {
    private final RelationshipAttribute<?, ?> relationship;
    private final Object owner;

    MemberOf(RelationshipAttribute<?, ?> relationship, Object owner) {
      this.relationship = relationship;
      this.owner = owner;
    }

    @Override
    void render(SqlWriter w) {
      dev.tether.mapping.RelationshipMapping rel = w.relationship(relationship);
      Object key = rel.referencedColumn().get(owner);
      SqlWriter.Source target = w.source(rel.target().type(), null);
      if (rel.direction() == dev.tether.mapping.Direction.MANY_TO_MANY) {
        w.append("EXISTS (SELECT 1 FROM ");
        w.enterSubquery();
        SqlWriter.Source link = w.addTable(rel.secondary());
        w.from(link);
        w.append(" WHERE ");
        w.column(link, rel.secondaryTargetColumn());
        w.append(" = ");
        w.column(target, rel.secondaryTargetColumn().references());
        w.append(" AND ");
        w.column(link, rel.foreignKey());
        w.append(" = ");
        w.bind(rel.foreignKey().type(), key);
        w.leaveSubquery();
        w.append(")");
      } else {
        w.column(target, rel.foreignKey());
        w.append(" = ");
        w.bind(rel.foreignKey().type(), key);
      }
    }
  }
}
