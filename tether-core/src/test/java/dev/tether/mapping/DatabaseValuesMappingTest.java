package dev.tether.mapping;

import static dev.tether.mapping.MappingFailures.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Column;
import dev.tether.Computed;
import dev.tether.ForeignKey;
import dev.tether.Generated;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.RegistryInternals;
import dev.tether.Table;
import dev.tether.Version;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * How {@code @Column(serverDefault)}, {@code @Generated} and {@code @Computed} map ({@link
 * ColumnFill}, {@link FilledColumns}), and the declarations that cannot work, refused at {@code
 * Registry.of}.
 */
class DatabaseValuesMappingTest {
  @Table("dv_order")
  public static class Order extends Model {
    @Id public Integer id;
    public Integer price;
    public Integer quantity;

    @Column(serverDefault = "'new'")
    public String status;

    @Generated public LocalDateTime createdAt;

    @Column(serverDefault = "CURRENT_TIMESTAMP")
    @Generated(Generated.When.ALWAYS)
    public LocalDateTime updatedAt;

    @Computed("price * quantity")
    public Integer total;
  }

  @Table("dv_plain")
  public static class Plain extends Model {
    @Id public Integer id;
    public String name;
  }

  @Test
  void eachDeclarationSaysWhoWritesTheColumn() {
    ModelMapping m = RegistryInternals.metadata(Registry.of(Order.class)).model(Order.class);
    assertThat(m.columnByField("price").fill()).isEqualTo(ColumnFill.TETHER);
    assertThat(m.columnByField("status").fill()).isEqualTo(ColumnFill.DEFAULT_WHEN_NULL);
    assertThat(m.columnByField("status").serverDefault()).isEqualTo("'new'");
    assertThat(m.columnByField("createdAt").fill()).isEqualTo(ColumnFill.DATABASE_ON_INSERT);
    assertThat(m.columnByField("updatedAt").fill()).isEqualTo(ColumnFill.DATABASE_ALWAYS);
    assertThat(m.columnByField("updatedAt").serverDefault()).isEqualTo("CURRENT_TIMESTAMP");
    assertThat(m.columnByField("total").fill()).isEqualTo(ColumnFill.DATABASE_ALWAYS);
    assertThat(m.columnByField("total").computedExpression()).isEqualTo("price * quantity");
    assertThat(m.columnByField("total").computedStored()).isTrue();
    FilledColumns f = m.filled();
    assertThat(f.insertable())
        .extracting(ColumnMapping::fieldName)
        .containsExactly("id", "price", "quantity", "status");
    assertThat(f.defaulted()).extracting(ColumnMapping::fieldName).containsExactly("status");
    assertThat(f.insertedByDatabase())
        .extracting(ColumnMapping::fieldName)
        .containsExactly("createdAt", "updatedAt", "total");
    assertThat(f.updatedByDatabase())
        .extracting(ColumnMapping::fieldName)
        .containsExactly("updatedAt", "total");
  }

  @Test
  void aModelTheDatabaseFillsNothingOfHasNoFilledColumns() {
    assertThat(RegistryInternals.metadata(Registry.of(Plain.class)).model(Plain.class).filled())
        .isNull();
  }

  @Table("dv_blank")
  public static class BlankComputed extends Model {
    @Id public Integer id;

    @Computed(" ")
    public Integer total;
  }

  @Table("dv_blank_default")
  public static class BlankDefault extends Model {
    @Id public Integer id;

    @Column(serverDefault = "  ")
    public String status;
  }

  @Table("dv_key")
  public static class OnKey extends Model {
    @Id @Generated public Integer id;
  }

  @Table("dv_version")
  public static class OnVersion extends Model {
    @Id public Integer id;

    @Version
    @Column(serverDefault = "1")
    public Integer version;
  }

  @Table("dv_parent")
  public static class Parent extends Model {
    @Id public Integer id;
  }

  @Table("dv_child")
  public static class OnForeignKey extends Model {
    @Id public Integer id;

    @ForeignKey("dv_parent.id")
    @Computed("id + 1")
    public Integer parentId;
  }

  @Table("dv_both")
  public static class ComputedAndGenerated extends Model {
    @Id public Integer id;

    @Computed("id * 2")
    @Generated
    public Integer twice;
  }

  @Table("dv_default")
  public static class ComputedWithDefault extends Model {
    @Id public Integer id;

    @Computed("id * 2")
    @Column(serverDefault = "0")
    public Integer twice;
  }

  @Table("dv_primitive")
  public static class Primitive extends Model {
    @Id public Integer id;

    @Column(serverDefault = "0")
    public int attempts;
  }

  @Table("dv_not_null")
  public static class ComputedNotNull extends Model {
    @Id public Integer id;

    @Computed("id * 2")
    @Column(nullable = false)
    public Integer twice;
  }

  @Test
  void blankExpressionsAreRefused() {
    assertRefused(
        "computed-blank",
        "BlankComputed.total: @Computed(\"\") is blank. Write the SQL expression over the table's"
            + " column names, e.g. @Computed(\"price * quantity\").",
        BlankComputed.class);
    assertRefused(
        "server-default-blank",
        "BlankDefault.status: @Column(serverDefault = \"  \") is blank. Write the default as SQL (a"
            + " string literal in its quotes: serverDefault = \"'new'\"), or remove"
            + " serverDefault.",
        BlankDefault.class);
  }

  @Test
  void columnsTetherMustWriteAreRefused() {
    assertRefused(
        "database-value-on-key",
        "OnKey.id is the primary key and has @Generated; the key must be known when the row is"
            + " inserted, to identify it. An Integer or Long @Id is generated by the database"
            + " already (leave it null); assign other keys in Java. Remove @Generated.",
        OnKey.class);
    assertRefused(
        "database-value-on-version",
        "OnVersion.version is the @Version column and has @Column(serverDefault = \"1\"); Tether"
            + " writes the version itself with every UPDATE. Remove serverDefault, or @Version.",
        OnVersion.class);
    assertRefused(
        "database-value-on-foreign-key",
        "OnForeignKey.parentId is a foreign key and has @Computed(\"id + 1\"); Tether writes a"
            + " foreign key from its relationship, so the database cannot fill it too. Remove"
            + " @Computed, or @ForeignKey.",
        Parent.class,
        OnForeignKey.class);
  }

  @Test
  void declarationsThatContradictEachOtherAreRefused() {
    assertRefused(
        "computed-and-generated",
        "ComputedAndGenerated.twice has both @Computed and @Generated; @Computed already means"
            + " that the database writes the column on every INSERT and UPDATE. Remove"
            + " @Generated.",
        ComputedAndGenerated.class);
    assertRefused(
        "computed-and-server-default",
        "ComputedWithDefault.twice has both @Computed and @Column(serverDefault = \"0\"); a"
            + " computed column's value is its expression, so it has no default. Remove"
            + " serverDefault.",
        ComputedWithDefault.class);
    assertRefused(
        "computed-not-null",
        "ComputedNotNull.twice has @Computed and @Column(nullable = false); a computed column is"
            + " NULL exactly when its expression is, and MariaDB cannot declare it NOT NULL."
            + " Remove nullable = false (COALESCE(...) in the expression keeps it from being"
            + " NULL).",
        ComputedNotNull.class);
  }

  @Test
  void aPrimitiveFieldThatCanNeverBeNullIsRefused() {
    assertRefused(
        "database-value-primitive",
        "Primitive.attempts is an int, which is never null, but @Column(serverDefault = \"0\")"
            + " needs null: a new object's null field is what leaves the value to the database."
            + " Declare it `public Integer attempts;`.",
        Primitive.class);
  }
}
