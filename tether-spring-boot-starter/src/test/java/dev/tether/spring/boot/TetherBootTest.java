package dev.tether.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.SessionStateException;
import dev.tether.spring.TetherTransactionManager;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The starter in a Boot application ({@link BootApp}) on an SQLite file: every bean comes from the
 * auto-configuration, the {@code tether.*} properties take effect, and {@code @Transactional}
 * methods commit and roll back through Tether, in the transaction Boot's {@code JdbcTemplate}
 * shares.
 */
@SpringBootTest(
    classes = BootApp.class,
    properties = {
      "tether.create-schema=true",
      "tether.log-sql=true",
      "tether.batch-lazy-loads=true"
    })
class TetherBootTest {
  @DynamicPropertySource
  static void sqliteFile(DynamicPropertyRegistry registry) throws IOException {
    String file = Files.createTempDirectory("tether-boot").resolve("app.db").toString();
    registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + file + "?foreign_keys=true");
  }

  @Autowired Library library;
  @Autowired JdbcTemplate jdbc;
  @Autowired Database database;
  @Autowired Registry registry;
  @Autowired Session session;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired SqlLogger sqlLogger;
  @Autowired TransactionTemplate transactions;

  @BeforeEach
  void empty() {
    jdbc.update("DELETE FROM book");
    jdbc.update("DELETE FROM author");
  }

  @Test
  void theBeansComeFromTheAutoConfiguration() {
    assertThat(database.dialect()).isEqualTo("sqlite");
    assertThat(registry.contains(Author.class)).isTrue(); // Registry.scan(): the model index
    assertThat(registry.contains(Book.class)).isTrue();
    assertThat(transactionManager).isInstanceOf(TetherTransactionManager.class);
    assertThatThrownBy(() -> session.get(Author.class, 1)) // the current transaction's session
        .isInstanceOf(SessionStateException.class)
        .hasMessageContaining("@Transactional");
  }

  @Test
  void createSchemaCreatedTheTables() {
    assertThat(
            jdbc.queryForList(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('author', 'book')"
                    + " ORDER BY name",
                String.class))
        .containsExactly("author", "book");
  }

  @Test
  void aTransactionalMethodCommitsThroughTether() {
    Author a = library.add("Ursula", "Earthsea", "The Dispossessed");

    assertThat(a.id).isNotNull();
    assertThat(
            jdbc.queryForObject("SELECT COUNT(*) FROM book WHERE author_id = ?", Long.class, a.id))
        .isEqualTo(2);
  }

  @Test
  void anExceptionRollsBack() {
    assertThatThrownBy(() -> library.addThenFail("nobody"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM author", Long.class)).isZero();
  }

  /** Boot's customizers keep the manager's flush before a savepoint (an unflushed add here). */
  @Test
  void aNestedTransactionTemplateRollsBackToItsSavepoint() {
    TransactionTemplate nested = new TransactionTemplate(transactionManager);
    nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    Author dropped = new Author("dropped");
    transactions.executeWithoutResult(
        outer -> {
          session.add(new Author("kept"));
          nested.executeWithoutResult(
              inner -> {
                session.add(dropped);
                session.flush();
                inner.setRollbackOnly();
              });
        });

    assertThat(jdbc.queryForList("SELECT name FROM author", String.class)).containsExactly("kept");
    assertThat(dropped.id).isNull();
  }

  @Test
  void logSqlLogsEveryStatement() {
    long before = sqlLogger.statements();
    library.add("Ursula", "Earthsea");
    assertThat(sqlLogger.statements() - before).isEqualTo(2); // the two INSERTs
  }

  @Test
  void batchLazyLoadsLoadsEveryAuthorsBooksInOneStatement() {
    library.add("a", "a1");
    library.add("b", "b1", "b2");
    library.add("c", "c1");
    long before = sqlLogger.statements();

    assertThat(library.countBooks()).isEqualTo(4);

    assertThat(sqlLogger.statements() - before).isEqualTo(2); // the authors, then all their books
  }
}
