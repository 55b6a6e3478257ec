package dev.tether.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.spring.TetherSessions;
import dev.tether.spring.TetherTransactionManager;
import java.io.IOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What the auto-configuration backs off from and what its properties choose, each in a context of
 * its own on an SQLite file.
 */
class TetherAutoConfigurationTest {
  private final ApplicationContextRunner runner;

  TetherAutoConfigurationTest() throws IOException {
    String file = Files.createTempDirectory("tether-autoconfig").resolve("app.db").toString();
    runner =
        new ApplicationContextRunner()
            .withConfiguration(
                AutoConfigurations.of(
                    DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class,
                    TransactionAutoConfiguration.class,
                    TetherAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:sqlite:" + file);
  }

  @Test
  void withoutPropertiesNoSchemaIsCreatedAndNoSqlIsLogged() {
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(Database.class).hasSingleBean(Session.class);
          assertThat(context).doesNotHaveBean(SqlLogger.class);
          assertThat(context.getBean(PlatformTransactionManager.class))
              .isInstanceOf(TetherTransactionManager.class);
          try (var c = context.getBean(DataSource.class).getConnection();
              var tables = c.getMetaData().getTables(null, null, "author", null)) {
            assertThat(tables.next()).isFalse();
          }
        });
  }

  @Test
  void theModelsPropertyNamesTheModelsWithoutAnIndex() {
    runner
        .withPropertyValues(
            "tether.models=dev.tether.spring.boot.Author,dev.tether.spring.boot.Book")
        .run(
            context -> {
              Registry registry = context.getBean(Registry.class);
              assertThat(registry.contains(Author.class)).isTrue();
              assertThat(registry.toString()).contains("book");
            });
  }

  @Test
  void aModelsPropertyNamingNoClassFailsTheStartWithTheName() {
    runner
        .withPropertyValues("tether.models=dev.tether.spring.boot.Autor")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("dev.tether.spring.boot.Autor"));
  }

  @Test
  void theApplicationsOwnBeansWin() {
    runner
        .withUserConfiguration(OwnBeans.class)
        .run(
            context -> {
              assertThat(context.getBean(PlatformTransactionManager.class))
                  .isSameAs(context.getBean("ownTransactionManager"));
              assertThat(context.getBean(Registry.class)).isSameAs(OwnBeans.REGISTRY);
              assertThat(context).hasSingleBean(Database.class).hasSingleBean(Session.class);
              assertThat(context.getBean(Session.class)).isSameAs(context.getBean("ownSession"));
            });
  }

  @Configuration
  static class OwnBeans {
    static final Registry REGISTRY = Registry.of(Author.class, Book.class);

    @Bean
    Registry ownRegistry() {
      return REGISTRY;
    }

    @Bean
    PlatformTransactionManager ownTransactionManager(DataSource dataSource) {
      return new JdbcTransactionManager(dataSource);
    }

    @Bean
    Session ownSession(Database database) {
      return TetherSessions.proxy(database);
    }
  }
}
