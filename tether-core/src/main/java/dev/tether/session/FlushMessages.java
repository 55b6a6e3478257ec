package dev.tether.session;

import dev.tether.FlushException;
import dev.tether.SessionStateException;
import dev.tether.StaleObjectException;
import dev.tether.attribute.InstanceState;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import java.util.List;
import java.util.StringJoiner;

/**
 * The flush's error texts, one method per mistake (as {@code MappingMessages} words the mapping's):
 * what is wrong, with the objects and columns it concerns, and how to fix it. The flush throws what
 * these return; nothing of a failed flush is committed and its changes stay pending.
 */
final class FlushMessages {
  private FlushMessages() {}

  /** A parent deleted without cascade while a member still refers to it through a NOT NULL key. */
  static RuntimeException deleteWouldOrphanNotNull(
      InstanceState d, InstanceState m, RelationshipMapping rel) {
    return new FlushException(
        "delete-orphan-not-null",
        "Cannot delete "
            + d.describe()
            + ": "
            + m.describe()
            + " still refers to it through "
            + rel.foreignKey()
            + ", which is NOT NULL, and "
            + rel.qualifiedName()
            + " does not cascade delete. Delete or move the "
            + rel.target().name()
            + " objects first, or declare @Relationship(cascade = \"all, delete-orphan\")"
            + " on "
            + rel.qualifiedName()
            + ".");
  }

  /** A row refers to an object that is not in the session (no save-update cascade). */
  static RuntimeException notInSession(
      InstanceState from, InstanceState target, RelationshipMapping rel) {
    return new SessionStateException(
        from.describe()
            + " refers to "
            + target.describe()
            + " through "
            + rel.qualifiedName()
            + ", but that object is not in this session ("
            + rel.qualifiedName()
            + " does not cascade save-update). Add it with session.add(...) before flushing, or"
            + " keep the default cascade. Tether never drops it silently.");
  }

  /** A cycle of foreign keys between tables with no nullable key to break it. */
  static RuntimeException cycleOfNotNullKeys(
      InstanceState s, InstanceState t, RelationshipMapping rel) {
    return new FlushException(
        "cycle-not-null",
        "Cannot order the inserts: "
            + s.describe()
            + " needs the key of "
            + t.describe()
            + " in "
            + rel.foreignKey()
            + " (NOT NULL), but that row must be inserted later because of a cycle of"
            + " foreign keys between "
            + rel.owner().table().name()
            + " and "
            + rel.target().table().name()
            + ". Make one foreign key of the cycle nullable.");
  }

  /** A new row whose primary key is null and not generated. */
  static RuntimeException noKey(
      InstanceState s, ModelMapping m, ColumnMapping id, ColumnMapping missing) {
    return new FlushException(
        "no-key",
        "Cannot insert "
            + s.describe()
            + ": its primary key "
            + m.name()
            + "."
            + missing.fieldName()
            + " is null and the database cannot generate "
            + (id == null ? "part of a composite" : "a " + id.javaType().getSimpleName())
            + " key. Assign it before flushing"
            + (missing.references() != null
                ? " (it is a foreign key: set the relationship that fills it)."
                : "."));
  }

  /** A new row whose key another object of the session has. */
  static RuntimeException duplicateKey(InstanceState s, InstanceState clash) {
    return new FlushException(
        "duplicate-key",
        "Cannot insert "
            + s.describe()
            + ": the session already has "
            + clash.describe()
            + " with the same primary key.");
  }

  /** INSERT ... RETURNING gave fewer keys than rows. */
  static RuntimeException keysMissing(int returned, int chunk) {
    return new FlushException(
        "generated-keys",
        "The database returned " + returned + " keys for " + chunk + " inserted rows.");
  }

  /** A persistent row whose key field was changed. */
  static RuntimeException primaryKeyChanged(InstanceState s, Object was, Object now) {
    return new FlushException(
        "primary-key-changed",
        s.describe()
            + ": the primary key changed from "
            + was
            + " to "
            + now
            + ". Tether does not update primary keys; create a new object instead.");
  }

  /**
   * A row about to lose its parent whose key cannot be empty: the refusal, naming the fix.
   * SQLAlchemy fails later: IntegrityError, or an assertion for a key in the primary key.
   */
  static FlushException cannotBeOrphan(
      InstanceState s, ColumnMapping fk, String why, String move, RelationshipMapping orphanSide) {
    return new FlushException(
        fk.primaryKey() ? "orphan-key-in-primary-key" : "orphan-not-null",
        s.describe()
            + why
            + ", but its foreign key "
            + fk.describe()
            + (fk.primaryKey() ? " is part of its primary key" : " is NOT NULL")
            + ", so it cannot exist without one. Delete it with session.delete(...)"
            + move
            + (orphanSide != null
                ? ", or declare @Relationship(cascade = \"all, delete-orphan\") on "
                    + orphanSide.qualifiedName()
                    + " to delete such orphans."
                : "."));
  }

  /** A swap or rotation under a UNIQUE key whose columns are all NOT NULL. */
  static FlushException uniqueCycle(
      List<List<ColumnMapping>> uniqueKeys, List<InstanceState> path, InstanceState s) {
    StringJoiner rows = new StringJoiner(", ");
    for (InstanceState r : path.subList(path.indexOf(s), path.size())) {
      rows.add(r.describe());
    }
    StringJoiner keys = new StringJoiner(", ");
    uniqueKeys.forEach(k -> keys.add(k.stream().map(ColumnMapping::describe).toList().toString()));
    return new FlushException(
        "unique-cycle",
        "Cannot update "
            + rows
            + ": each takes a UNIQUE key value that another of them gives up (a swap or a"
            + " rotation), and every column of the key "
            + keys
            + " is NOT NULL, so no row can let go first. Nothing of this flush was committed."
            + " Make one column of the key nullable (Tether then routes the rows through NULL),"
            + " or give one row a temporary value, flush, then set the final values.");
  }

  /** An UPDATE or DELETE of one unversioned row that matched 0 rows or several. */
  static StaleObjectException staleRow(
      ModelMapping m, InstanceState s, String action, int count, String sql) {
    StringJoiner key = new StringJoiner(", ");
    for (ColumnMapping c : m.keyColumns()) {
      key.add(c.fieldName() + " = " + c.get(s.owner()));
    }
    String what = m.name() + " (" + key + ")";
    String message =
        count == 0
            ? "Cannot "
                + action
                + " "
                + what
                + ": the "
                + action
                + " matched no row. Another transaction deleted the row, or changed its key,"
                + " after this session loaded it. The flush was rolled back and this session's"
                + " changes are still pending: roll back, then reload the object (a new session,"
                + " or session.refresh(obj)) and reapply the change, or discard it."
            : "Cannot "
                + action
                + " "
                + what
                + ": the "
                + action
                + " matched "
                + count
                + " rows where it expected 1, so the key "
                + m.keyColumns().stream().map(ColumnMapping::toString).toList()
                + " does not identify one row in the database (no PRIMARY KEY or UNIQUE constraint"
                + " on it). The flush was rolled back. Map a key that the table enforces.";
    return new StaleObjectException(message + " [SQL: " + sql + "]", m.type(), s.key(), null);
  }

  /** A versioned row that no longer had the version this session loaded. */
  static StaleObjectException staleVersion(ModelMapping m, InstanceState s, String action) {
    Object expected = s.snapshot()[m.version().index()];
    StringJoiner key = new StringJoiner(", ");
    for (ColumnMapping c : m.keyColumns()) {
      key.add(c.fieldName() + " = " + c.get(s.owner()));
    }
    return new StaleObjectException(
        "Cannot "
            + action
            + " "
            + m.name()
            + " ("
            + key
            + "): the row no longer has version "
            + expected
            + ", the version this session loaded; another transaction changed or deleted it"
            + " since. The flush was rolled back and this session's changes are still pending."
            + " Roll back, load the "
            + m.name()
            + " again (session.refresh(obj) after the rollback, or a new session) and reapply the"
            + " change, or discard it.",
        m.type(),
        s.key(),
        expected);
  }

  /** The DELETE of a many-to-many link row that matched 0 rows or several. */
  static StaleObjectException staleLink(
      String table,
      ColumnMapping first,
      Object firstValue,
      ColumnMapping second,
      Object secondValue,
      int count,
      String sql) {
    return new StaleObjectException(
        "Cannot delete the association row "
            + table
            + " ("
            + first.name()
            + " = "
            + firstValue
            + ", "
            + second.name()
            + " = "
            + secondValue
            + "): the DELETE matched "
            + count
            + (count == 0
                ? " rows; another transaction removed the link after this session loaded it."
                : " rows where it expected 1; the table has no key over the two columns.")
            + " The flush was rolled back and this session's changes are still pending. [SQL: "
            + sql
            + "]",
        null,
        List.of(firstValue, secondValue),
        null);
  }

  /** A sequence query that gave fewer values than new rows. */
  static FlushException sequenceShort(ModelMapping m, int given, int rows, String sql) {
    return new FlushException(
        "generated-keys",
        "The sequence "
            + m.keySequence()
            + " gave "
            + given
            + " values for "
            + rows
            + " new "
            + m.name()
            + " rows. [SQL: "
            + sql
            + "]");
  }

  /** A row inserted without RETURNING whose key the last-key query did not report. */
  static FlushException noGeneratedKey(
      InstanceState s, ModelMapping m, ColumnMapping id, String lastKey) {
    return new FlushException(
        "generated-keys",
        "Inserted "
            + s.describe()
            + " but the database reported no generated key for "
            + m.table().name()
            + "."
            + id.name()
            + " [SQL: "
            + lastKey
            + "]. The column must generate its value (an identity, serial or AUTO_INCREMENT"
            + " column), or draw the keys from a sequence with @Sequence(\"...\") on "
            + m.name()
            + "."
            + id.fieldName()
            + ".");
  }

  /**
   * A value set in a field that the database writes ({@code @Generated}, {@code @Computed}): Tether
   * never writes it, so the value would be replaced by the database's without a word.
   *
   * @param was the field's value as flushed last, or {@code null} for a new object
   */
  static FlushException databaseColumnWritten(
      InstanceState s, ColumnMapping c, boolean isNew, Object was, Object now) {
    String source =
        c.computedExpression() != null
            ? "computed by the database (@Computed(\"" + c.computedExpression() + "\"))"
            : isNew
                ? "written by the database on INSERT (@Generated)"
                : "written by the database on every UPDATE (@Generated(ALWAYS))";
    return new FlushException(
        "database-column-written",
        "Cannot "
            + (isNew ? "insert " : "update ")
            + s.describe()
            + ": "
            + c.describe()
            + " is "
            + source
            + ", and Tether never writes it, but "
            + (isNew
                ? "the new object's field holds " + now
                : "the field was changed from " + was + " to " + now)
            + "; the value would be lost. "
            + (isNew
                ? "Leave the field null: after the flush it holds the database's value."
                : "Undo the change (session.refresh(obj) reads the row again), or change the"
                    + " columns the database computes it from."));
  }

  /** A row whose values the database wrote, not found by the SELECT that reads them back. */
  static FlushException fetchedRowMissing(InstanceState s, String action, String sql) {
    return new FlushException(
        "fetched-row-missing",
        "After the "
            + action
            + " of "
            + s.describe()
            + ", Tether read back the values the database wrote, but the row is not in its table"
            + " [SQL: "
            + sql
            + "]. A rule or INSTEAD OF trigger may have written it elsewhere: map the table the"
            + " row lands in, or remove @Generated, @Computed and serverDefault from the model.");
  }

  /** A many-to-many link to an object that is not in the session (no save-update cascade). */
  static SessionStateException linkToObjectNotInSession(
      InstanceState owner, InstanceState member, RelationshipMapping rel) {
    return new SessionStateException(
        owner.describe()
            + " holds "
            + member.describe()
            + " in "
            + rel.qualifiedName()
            + ", but that object is not in this session ("
            + rel.qualifiedName()
            + " does not cascade save-update). Add it with session.add(...) before flushing.");
  }

  /**
   * An object bound to another registry's mapping of its class (a later {@code Registry.of} of the
   * same class, used before the object joined this session): this session's flush would not see it,
   * so it is refused.
   */
  static dev.tether.MappingException otherRegistry(InstanceState s) {
    String model = s.owner().getClass().getSimpleName();
    return new dev.tether.MappingException(
        "registry-mismatch",
        "Cannot add "
            + s.describe()
            + " to this session: it uses the mapping of another Registry.of(...) that also maps "
            + model
            + " (made after this Database opened, and the object was used before it was added)."
            + " A session writes only its own database's models. Map each model class in one"
            + " registry, or add the object to a session of the database opened with that"
            + " registry.");
  }
}
