package dev.tether.session;

import static dev.tether.testing.SqlText.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Column;
import dev.tether.Database;
import dev.tether.DatabaseException;
import dev.tether.Id;
import dev.tether.IntegrityException;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.RegistryInternals;
import dev.tether.Session;
import dev.tether.Table;
import dev.tether.schema.SchemaGenerator;
import dev.tether.testing.PlainSql;
import dev.tether.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writers on several connections at once, on every database (SQLite as a file, so that its
 * connections really contend for the one write lock): units of work that read and then write, run
 * through {@code inTransaction} on several threads, all succeed at the first attempt with every
 * write present; and {@code @Column(length)} is enforced for Tether and for plain SQL alike.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class ConcurrentWritersTest {
  private static final int THREADS = 4;
  private static final int TRANSFERS = 25;

  @Parameter TestDatabase target;
  @TempDir Path dir;
  Database db;
  String url;

  /** One per thread: the thread's own row, so that no two threads update the same row. */
  @Table("cw_account")
  public static class Account extends Model {
    @Id public Integer id;
    public Integer balance;

    @Column(length = 10)
    public String owner;

    public Account() {}

    Account(int id, String owner) {
      this.id = id;
      this.balance = 0;
      this.owner = owner;
    }
  }

  /** A row per credit: the ledger the balances must agree with. */
  @Table("cw_entry")
  public static class Entry extends Model {
    @Id public Integer id;
    public Integer account;
    public Integer amount;

    public Entry() {}

    Entry(int account, int amount) {
      this.account = account;
      this.amount = amount;
    }
  }

  @BeforeEach
  void open() {
    url = target.sharedUrl(dir);
    db = target.open(Registry.of(Account.class, Entry.class), url);
  }

  @AfterEach
  void close() {
    db.close();
  }

  /**
   * Each unit of work reads its account, then credits it and writes a ledger row: on SQLite a
   * deferred transaction doing that fails with {@code SQLITE_BUSY} as soon as another connection
   * writes. Every one must succeed without a retry (attempts counted), and the balances, the ledger
   * and their sums agree exactly.
   */
  @Test
  void concurrentReadThenWriteUnitsOfWorkAllSucceedAtTheFirstAttempt() throws Exception {
    db.inTransaction(
        s -> {
          for (int t = 1; t <= THREADS; t++) {
            s.add(new Account(t, "owner" + t));
          }
        });
    AtomicInteger attempts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 1; t <= THREADS; t++) {
        int account = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < TRANSFERS; i++) {
                    db.inTransaction(
                        s -> {
                          attempts.incrementAndGet();
                          Account a = s.get(Account.class, account);
                          a.balance += 1;
                          s.add(new Entry(account, 1));
                        });
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(2, TimeUnit.MINUTES); // rethrows a failed unit of work
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(attempts).hasValue(THREADS * TRANSFERS);
    assertThat(PlainSql.rows(url, "SELECT SUM(balance), COUNT(*) FROM cw_account"))
        .containsExactly(List.of(String.valueOf(THREADS * TRANSFERS), String.valueOf(THREADS)));
    assertThat(PlainSql.rows(url, "SELECT SUM(amount), COUNT(*) FROM cw_entry"))
        .containsExactly(
            List.of(String.valueOf(THREADS * TRANSFERS), String.valueOf(THREADS * TRANSFERS)));
    List<List<String>> perAccount =
        PlainSql.rows(
            url,
            "SELECT a.id FROM cw_account a WHERE a.balance <>"
                + " (SELECT COUNT(*) FROM cw_entry e WHERE e.account = a.id)");
    assertThat(perAccount).isEmpty();
  }

  /**
   * Where the database does not check {@code VARCHAR(n)} itself, {@code createAll} adds a named
   * CHECK on the length; either way an 11-character value goes into a length-10 column neither
   * through a session nor through plain SQL.
   */
  @Test
  void declaredLengthIsEnforcedForTetherAndForPlainSql() throws SQLException {
    try (Session s = db.session()) {
      s.add(new Account(1, "exactly-10"));
      s.commit();
    }
    try (Session s = db.session()) {
      s.add(new Account(2, "eleven-char"));
      if (target.dialect().enforcesDeclaredLength()) {
        assertThatThrownBy(s::commit)
            .isInstanceOfSatisfying(
                DatabaseException.class, e -> assertThat(e.sqlState()).isEqualTo("22001"));
      } else {
        assertThatThrownBy(s::commit)
            .isInstanceOfSatisfying(
                IntegrityException.class,
                e -> assertThat(e.constraint()).isEqualTo("ck_cw_account_owner_length"));
      }
    }
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      assertThatThrownBy(
              () ->
                  st.executeUpdate(
                      "INSERT INTO cw_account (id, balance, owner) VALUES (3, 0, 'eleven-char')"))
          .isInstanceOf(SQLException.class);
    }
    assertThat(PlainSql.rows(url, "SELECT id, owner FROM cw_account"))
        .containsExactly(List.of("1", "exactly-10"));

    // a second registry of the same models, after the sessions: only its DDL is wanted
    List<String> ddl =
        plain(
            new SchemaGenerator(target.dialect())
                .createStatements(RegistryInternals.metadata(Registry.of(Account.class))));
    String check = "CONSTRAINT ck_cw_account_owner_length CHECK (length(owner) <= 10)";
    if (target.dialect().enforcesDeclaredLength()) {
      assertThat(String.join("\n", ddl)).doesNotContain("CHECK");
    } else {
      assertThat(String.join("\n", ddl)).contains(check);
    }
  }
}
