package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.Relationship;
import dev.tether.Session;
import dev.tether.Table;
import dev.tether.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A many-to-many whose association table is defined by convention from long table names: the
 * derived column, foreign-key and index names grow past PostgreSQL's 63 and MariaDB's 64
 * characters. The schema must still be created, and used, on every database.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class LongNamesPersistenceTest {
  /** {@code ln_customer_subscription_plan(id, name)}. */
  @Table("ln_customer_subscription_plan")
  public static class Plan extends Model {
    @Id public Integer id;
    public String name;

    @Relationship(secondary = "ln_customer_subscription_plan_feature", backPopulates = "plans")
    public final Many<Feature> features = many();

    public Plan() {}

    Plan(String name) {
      this.name = name;
    }
  }

  /** {@code ln_customer_subscription_feature(id, name)}. */
  @Table("ln_customer_subscription_feature")
  public static class Feature extends Model {
    @Id public Integer id;
    public String name;

    @Relationship(secondary = "ln_customer_subscription_plan_feature", backPopulates = "features")
    public final Many<Plan> plans = many();

    public Feature() {}

    Feature(String name) {
      this.name = name;
    }
  }

  @Parameter TestDatabase target;
  Database db;

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void schemaWithLongDerivedNamesIsCreatedAndUsed() {
    db = target.open(Registry.of(Plan.class, Feature.class));
    Plan gold = new Plan("gold");
    Feature sso = new Feature("sso");
    Feature audit = new Feature("audit");
    gold.features.add(sso);
    gold.features.add(audit);
    try (Session s = db.session()) {
      s.add(gold);
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.get(Plan.class, gold.id).features)
          .extracting(f -> f.name)
          .containsExactly("sso", "audit");
      assertThat(s.get(Feature.class, audit.id).plans)
          .extracting(p -> p.name)
          .containsExactly("gold");
    }
    db.dropAll();
    db.createAll(); // again, from nothing: the names are stable
  }
}
