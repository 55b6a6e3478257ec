package dev.tether.spring;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tether.Database;
import dev.tether.Session;
import dev.tether.fixtures.BackPopulates;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * The application the Spring tests run: an application-owned pool on the database named by the
 * property {@code tether.test.target} (a {@link TestDatabase}; SQLite as a file, since Spring's
 * connections and Tether's must see one database), Tether opened on it, the transaction manager,
 * the injectable {@link Session}, a {@link JdbcTemplate} and the {@link Shop} services.
 */
@Configuration
@EnableTransactionManagement
class SpringTestApp {
  @Bean
  TestDatabase target(Environment environment) {
    return TestDatabase.valueOf(environment.getRequiredProperty("tether.test.target"));
  }

  /** The database's URL, emptied and with the fixture's tables (fails under CI=true if down). */
  @Bean
  String url(TestDatabase target) {
    String url;
    try {
      url = target.sharedUrl(Files.createTempDirectory("tether-spring"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (url.startsWith("jdbc:sqlite:")) {
      url += "?foreign_keys=true";
    }
    target.open(BackPopulates.registry(), url).close();
    return url;
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(4);
    return new HikariDataSource(config);
  }

  @Bean
  StatementRecorder statements() {
    return new StatementRecorder();
  }

  @Bean(destroyMethod = "close")
  Database database(DataSource dataSource, StatementRecorder statements) {
    Database db = Database.open(dataSource, BackPopulates.registry());
    db.addStatementListener(statements);
    return db;
  }

  @Bean
  TetherTransactionManager transactionManager(DataSource dataSource, Database database) {
    return new TetherTransactionManager(dataSource, database);
  }

  @Bean
  Session session(Database database) {
    return TetherSessions.proxy(database);
  }

  @Bean
  JdbcTemplate jdbcTemplate(DataSource dataSource) {
    return new JdbcTemplate(dataSource);
  }

  @Bean
  Shop.Inner inner(Session session) {
    return new Shop.Inner(session);
  }

  @Bean
  Shop shop(Session session, Database database, JdbcTemplate jdbc, Shop.Inner inner) {
    return new Shop(session, database, jdbc, inner);
  }
}
