package dev.tether.mapping;

import static dev.tether.mapping.MappingFailures.assertRefused;
import static dev.tether.mapping.MappingFailures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Column;
import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.RegistryInternals;
import dev.tether.Table;
import org.junit.jupiter.api.Test;

/** {@code @ForeignKey("table.column")}: the text, the table, the column and its type. */
class ForeignKeyErrorsTest {

  static final class TableTypo {
    @Table("fke_tt_parent")
    public static class Parent extends Model {
      @Id public Integer id;
    }

    @Table("fke_tt_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("fke_tt_parnet.id")
      public Integer parentId;
    }
  }

  @Test
  void unknownTableWithACloseName() {
    assertRefused(
        "fk-table",
        "Child.parentId: @ForeignKey(\"fke_tt_parnet.id\") names table "
            + "'fke_tt_parnet', which no registered model maps. Did you mean "
            + "'fke_tt_parent'? Mapped tables: fke_tt_parent, fke_tt_child. Fix the "
            + "table name, or pass the model that maps it to Registry.of(...).",
        TableTypo.Parent.class,
        TableTypo.Child.class);
  }

  static final class TableNotRegistered {
    @Table("fke_tn_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("fke_tn_parent.id")
      public Integer parentId;
    }
  }

  @Test
  void unknownTableWhoseModelWasNotRegistered() {
    assertRefused(
        "fk-table",
        "Child.parentId: @ForeignKey(\"fke_tn_parent.id\") names table "
            + "'fke_tn_parent', which no registered model maps. Mapped tables: "
            + "fke_tn_child. Fix the table name, or pass the model that maps it to "
            + "Registry.of(...).",
        TableNotRegistered.Child.class);
  }

  static final class ColumnTypo {
    @Table("fke_ct_parent")
    public static class Parent extends Model {
      @Id public Integer parentKey;
      public String name;
    }

    @Table("fke_ct_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("fke_ct_parent.parent_kye")
      public Integer parentKey;
    }
  }

  @Test
  void unknownColumnWithACloseName() {
    assertRefused(
        "fk-column",
        "Child.parentKey: @ForeignKey(\"fke_ct_parent.parent_kye\") names column "
            + "'parent_kye', which table 'fke_ct_parent' does not have. Did you mean "
            + "'parent_key'? Columns of fke_ct_parent: parent_key, name.",
        ColumnTypo.Parent.class,
        ColumnTypo.Child.class);
  }

  static final class ColumnByFieldName {
    @Table("fke_cf_parent")
    public static class Parent extends Model {
      @Id public Integer parentKey;
    }

    @Table("fke_cf_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("fke_cf_parent.parentKey")
      public Integer parentKey;
    }
  }

  @Test
  void columnNamedByItsJavaFieldName() {
    assertRefused(
        "fk-column",
        "Child.parentKey: @ForeignKey(\"fke_cf_parent.parentKey\") names column "
            + "'parentKey', which table 'fke_cf_parent' does not have. 'parentKey' "
            + "is the Java field name; @ForeignKey takes the column name: write "
            + "@ForeignKey(\"fke_cf_parent.parent_key\"). Columns of fke_cf_parent: "
            + "parent_key.",
        ColumnByFieldName.Parent.class,
        ColumnByFieldName.Child.class);
  }

  static final class Malformed {
    @Table("fke_mf_child")
    public static class NoDot extends Model {
      @Id public Integer id;

      @ForeignKey("fke_mf_parent")
      public Integer parentId;
    }

    @Table("fke_mf_child2")
    public static class EmptyColumn extends Model {
      @Id public Integer id;

      @ForeignKey("fke_mf_parent.")
      public Integer parentId;
    }

    @Table("fke_mf_child3")
    public static class EmptyTable extends Model {
      @Id public Integer id;

      @ForeignKey(".id")
      public Integer parentId;
    }

    @Table("fke_mf_child4")
    public static class Spaces extends Model {
      @Id public Integer id;

      @ForeignKey("fke_mf_parent. id")
      public Integer parentId;
    }
  }

  @Test
  void malformedText() {
    assertRefused(
        "fk-syntax",
        "NoDot.parentId: @ForeignKey(\"fke_mf_parent\") must name "
            + "\"table.column\", the table name and the column name joined by a dot, "
            + "for example @ForeignKey(\"parent.id\").",
        Malformed.NoDot.class);
    assertThat(failure(Malformed.EmptyColumn.class).code()).isEqualTo("fk-syntax");
    assertThat(failure(Malformed.EmptyTable.class).code()).isEqualTo("fk-syntax");
    assertThat(failure(Malformed.Spaces.class).code()).isEqualTo("fk-syntax");
  }

  static final class NotAKey {
    @Table("fke_nk_parent")
    public static class Parent extends Model {
      @Id public Integer id;
      public String code;
    }

    @Table("fke_nk_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("fke_nk_parent.code")
      public String parentCode;
    }
  }

  @Test
  void referencedColumnIsNotAKey() {
    assertRefused(
        "fk-not-unique",
        "Child.parentCode: @ForeignKey(\"fke_nk_parent.code\") references "
            + "fke_nk_parent.code, which is neither the primary key nor unique; a "
            + "foreign key must reference a key. Reference fke_nk_parent.id instead, "
            + "or declare Parent.code with @Column(unique = true).",
        NotAKey.Parent.class,
        NotAKey.Child.class);
  }

  static final class UniqueKey {
    @Table("fke_uk_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Column(unique = true)
      public String code;
    }

    @Table("fke_uk_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey(value = "fke_uk_parent.code", onDelete = "set  null")
      public String parentCode;
    }
  }

  @Test
  void aUniqueColumnMayBeReferenced() {
    Metadata m =
        RegistryInternals.metadata(Registry.of(UniqueKey.Parent.class, UniqueKey.Child.class));
    ColumnMapping parentCode = m.model(UniqueKey.Child.class).columnByField("parentCode");
    assertThat(parentCode.references())
        .isSameAs(m.model(UniqueKey.Parent.class).columnByField("code"));
    assertThat(parentCode.onDelete()).isEqualTo("SET NULL");
  }

  static final class WrongType {
    @Table("fke_wt_parent")
    public static class Parent extends Model {
      @Id public Integer id;
    }

    @Table("fke_wt_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("fke_wt_parent.id")
      public Long parentId;
    }
  }

  @Test
  void foreignKeyOfAnotherTypeThanTheReferencedColumn() {
    assertRefused(
        "fk-type",
        "Child.parentId: @ForeignKey(\"fke_wt_parent.id\") references Parent.id "
            + "(fke_wt_parent.id), of type Integer, but the field is of type Long; "
            + "the key value is copied from one to the other. Declare it `public "
            + "Integer parentId;`.",
        WrongType.Parent.class,
        WrongType.Child.class);
  }

  static final class PrimitiveKey {
    @Table("fke_pk_parent")
    public static class Parent extends Model {
      @Id public Integer id;
    }

    @Table("fke_pk_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("fke_pk_parent.id")
      public int parentId;
    }
  }

  @Test
  void aPrimitiveKeyMatchesItsBoxedType() {
    Registry r = Registry.of(PrimitiveKey.Parent.class, PrimitiveKey.Child.class);
    assertThat(r.contains(PrimitiveKey.Child.class)).isTrue();
  }

  static final class BadOnDelete {
    @Table("fke_bo_parent")
    public static class Parent extends Model {
      @Id public Integer id;
    }

    @Table("fke_bo_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey(value = "fke_bo_parent.id", onDelete = "CASCADES")
      public Integer parentId;
    }
  }

  @Test
  void unknownOnDeleteAction() {
    assertRefused(
        "fk-on-delete",
        "Child.parentId: @ForeignKey(onDelete = \"CASCADES\") is not a "
            + "referential action. Did you mean 'CASCADE'? Write one of: CASCADE, "
            + "SET NULL, RESTRICT, NO ACTION, SET DEFAULT.",
        BadOnDelete.Parent.class,
        BadOnDelete.Child.class);
  }

  static final class SetNullNotNull {
    @Table("fke_sn_parent")
    public static class Parent extends Model {
      @Id public Integer id;
    }

    @Table("fke_sn_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey(value = "fke_sn_parent.id", onDelete = "SET NULL")
      @Column(nullable = false)
      public Integer parentId;
    }
  }

  @Test
  void onDeleteSetNullOnANotNullColumn() {
    assertRefused(
        "fk-on-delete",
        "Child.parentId: @ForeignKey(onDelete = \"SET NULL\") on a NOT NULL "
            + "column; the database could not set it to NULL. Make the field "
            + "nullable (a boxed type, without @Column(nullable = false)), or use "
            + "onDelete = \"CASCADE\".",
        SetNullNotNull.Parent.class,
        SetNullNotNull.Child.class);
  }
}
