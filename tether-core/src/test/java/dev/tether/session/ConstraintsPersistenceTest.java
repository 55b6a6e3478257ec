package dev.tether.session;

import static dev.tether.testing.SqlText.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tether.Check;
import dev.tether.Column;
import dev.tether.Database;
import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Index;
import dev.tether.IntegrityException;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.Table;
import dev.tether.UniqueConstraint;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Indexes, composite UNIQUE and CHECK constraints and ON UPDATE rules on every database: the DDL
 * {@code createAll} sends, the database enforcing them, and each violation reported as an {@link
 * IntegrityException} that names the constraint.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class ConstraintsPersistenceTest {
  @Table("cp_customer")
  @Index(columns = {"lastName", "firstName"})
  @Index(columns = "email", unique = true, name = "ux_cp_customer_email")
  @UniqueConstraint(columns = {"country", "taxId"})
  @Check("credit >= 0")
  public static class Customer extends Model {
    @Id public Integer id;

    @Column(length = 80)
    public String lastName;

    public String firstName;
    public String email;
    public String country;
    public String taxId;
    public Integer credit;

    @Column(index = true)
    public String city;

    public Customer() {}

    Customer(String email, String country, String taxId, int credit) {
      this.lastName = "Doe";
      this.firstName = "Jo";
      this.email = email;
      this.country = country;
      this.taxId = taxId;
      this.credit = credit;
      this.city = "Lyon";
    }
  }

  @Table("cp_account")
  public static class Account extends Model {
    @Id public Integer id;

    @Column(unique = true, length = 20)
    public String code;

    public Account() {}

    Account(String code) {
      this.code = code;
    }
  }

  @Table("cp_invoice")
  @Check(value = "amount > 0", name = "ck_cp_invoice_amount_positive")
  public static class Invoice extends Model {
    @Id public Integer id;

    @ForeignKey(value = "cp_account.code", onUpdate = "CASCADE", onDelete = "SET NULL")
    public String accountCode;

    public Integer amount;

    public Invoice() {}

    Invoice(String accountCode, int amount) {
      this.accountCode = accountCode;
      this.amount = amount;
    }
  }

  /** A key without ON UPDATE: the database refuses to change a referenced code. */
  @Table("cp_payment")
  public static class Payment extends Model {
    @Id public Integer id;

    @ForeignKey("cp_account.code")
    public String accountCode;

    public Payment() {}

    Payment(String accountCode) {
      this.accountCode = accountCode;
    }
  }

  /** Derived names past PostgreSQL's 63 and MariaDB's 64 bytes. */
  @Table("cp_subscription_plan_feature_assignment")
  @UniqueConstraint(columns = {"subscriptionPlanIdentifier", "featureAssignmentIdentifier"})
  public static class LongNames extends Model {
    @Id public Integer id;
    public Integer subscriptionPlanIdentifier;
    public Integer featureAssignmentIdentifier;

    public LongNames() {}

    LongNames(int plan, int feature) {
      this.subscriptionPlanIdentifier = plan;
      this.featureAssignmentIdentifier = feature;
    }
  }

  @Parameter TestDatabase target;
  final StatementRecorder sql = new StatementRecorder();
  Database db;

  @BeforeEach
  void open() {
    db =
        target.open(
            Registry.of(
                Customer.class, Account.class, Invoice.class, Payment.class, LongNames.class));
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void createAllSendsTheConstraintsAndIndexes() {
    db.dropAll();
    List<String> ddl = plain(sql.record(db::createAll));
    String customer = only(ddl, "CREATE TABLE IF NOT EXISTS cp_customer ");
    assertThat(customer)
        .contains(",\n  CONSTRAINT uq_cp_customer_country_tax_id UNIQUE (country, tax_id)")
        .contains(",\n  CONSTRAINT ck_cp_customer_credit CHECK (credit >= 0)");
    String invoice = only(ddl, "CREATE TABLE IF NOT EXISTS cp_invoice ");
    assertThat(invoice)
        .contains(",\n  CONSTRAINT ck_cp_invoice_amount_positive CHECK (amount > 0)")
        .contains(
            ",\n  CONSTRAINT fk_cp_invoice_account_code FOREIGN KEY (account_code) REFERENCES"
                + " cp_account (code) ON DELETE SET NULL ON UPDATE CASCADE");
    assertThat(ddl.stream().filter(s -> s.startsWith("CREATE INDEX") || s.startsWith("CREATE U")))
        .containsExactly(
            "CREATE INDEX IF NOT EXISTS ix_cp_customer_last_name_first_name ON cp_customer"
                + " (last_name, first_name)",
            "CREATE UNIQUE INDEX IF NOT EXISTS ux_cp_customer_email ON cp_customer (email)",
            "CREATE INDEX IF NOT EXISTS ix_cp_customer_city ON cp_customer (city)",
            "CREATE INDEX IF NOT EXISTS ix_cp_invoice_account_code ON cp_invoice (account_code)",
            "CREATE INDEX IF NOT EXISTS ix_cp_payment_account_code ON cp_payment (account_code)");
  }

  @Test
  void compositeUniqueViolationNamesTheConstraint() {
    add(new Customer("a@x", "FR", "123", 5));
    assertViolates(
        "uq_cp_customer_country_tax_id", s -> s.add(new Customer("b@x", "FR", "123", 5)));
    add(new Customer("c@x", "DE", "123", 5)); // the same tax id in another country is fine
  }

  @Test
  void uniqueIndexViolationNamesTheIndex() {
    add(new Customer("a@x", "FR", "1", 5));
    assertViolates("ux_cp_customer_email", s -> s.add(new Customer("a@x", "FR", "2", 5)));
  }

  @Test
  void checkViolationNamesTheDerivedConstraint() {
    assertViolates("ck_cp_customer_credit", s -> s.add(new Customer("a@x", "FR", "1", -1)));
  }

  @Test
  void checkViolationOnUpdateNamesTheDeclaredConstraint() {
    add(new Account("ACME"));
    Invoice invoice = new Invoice("ACME", 10);
    add(invoice);
    assertViolates(
        "ck_cp_invoice_amount_positive", s -> s.get(Invoice.class, invoice.id).amount = 0);
  }

  @Test
  void onUpdateCascadeRewritesTheReferringRows() {
    Account acme = new Account("ACME");
    add(acme);
    add(new Invoice("ACME", 10));
    add(new Invoice("ACME", 20));
    try (Session s = db.session()) {
      List<Invoice> held = s.select(Invoice.class).list();
      s.get(Account.class, acme.id).code = "ACME-2";
      // the UPDATE of the account; the database rewrites the invoices
      assertThat(plain(sql.record(s::flush)))
          .containsExactly("UPDATE cp_account SET code = ? WHERE id = ?");
      assertThat(held).extracting(i -> i.accountCode).containsExactly("ACME-2", "ACME-2");
      sql.assertNoStatements(s::flush); // the objects agree with their rows: nothing to write
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.select(Invoice.class).list())
          .extracting(i -> i.accountCode)
          .containsExactly("ACME-2", "ACME-2");
    }
  }

  @Test
  void withoutOnUpdateTheDatabaseRefusesToChangeAReferencedKey() {
    Account acme = new Account("ACME");
    add(acme);
    add(new Payment("ACME"));
    try (Session s = db.session()) {
      s.get(Account.class, acme.id).code = "ACME-2";
      // SQLite's error does not say which foreign key; the others name fk_cp_payment_account_code
      assertThatThrownBy(s::commit)
          .isInstanceOfSatisfying(
              IntegrityException.class,
              e -> assertThat(e.getMessage()).containsIgnoringCase("foreign key"));
      s.rollback();
    }
    try (Session s = db.session()) {
      assertThat(s.get(Account.class, acme.id).code).isEqualTo("ACME");
    }
  }

  @Test
  void aLongDerivedNameIsTheSameInTheDdlAndInTheError() {
    db.dropAll();
    String ddl =
        only(
            plain(sql.record(db::createAll)),
            "CREATE TABLE IF NOT EXISTS cp_subscription_plan_feature_assignment ");
    add(new LongNames(1, 2));
    try (Session s = db.session()) {
      s.add(new LongNames(1, 2));
      IntegrityException e = catchThrowableOfType(IntegrityException.class, s::commit);
      String full =
          "uq_cp_subscription_plan_feature_assignment_subscription_plan_identifier"
              + "_feature_assignment_identifier";
      assertThat(e.constraint()).startsWith("uq_cp_subscription_plan_feature");
      assertThat(e.constraint().length()).isLessThanOrEqualTo(full.length());
      assertThat(ddl).contains("CONSTRAINT " + e.constraint() + " UNIQUE (");
      s.rollback();
    }
  }

  private void add(Model m) {
    try (Session s = db.session()) {
      s.add(m);
      s.commit();
    }
  }

  private void assertViolates(String constraint, Consumer<Session> change) {
    try (Session s = db.session()) {
      change.accept(s);
      assertThatThrownBy(s::commit)
          .isInstanceOfSatisfying(
              IntegrityException.class, e -> assertThat(e.constraint()).isEqualTo(constraint));
      s.rollback();
    }
  }

  private static String only(List<String> ddl, String prefix) {
    List<String> found = ddl.stream().filter(s -> s.startsWith(prefix)).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
