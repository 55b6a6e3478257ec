package dev.tether.spring.boot;

import dev.tether.Database;
import dev.tether.MappingException;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.spring.TetherSessions;
import dev.tether.spring.TetherTransactionManager;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.TransactionManager;
import org.springframework.util.ClassUtils;

/**
 * Tether in a Spring Boot application: on the application's {@code DataSource}, a {@link Registry}
 * (the annotation processor's model index, or {@code tether.models}), a {@link Database}, a {@link
 * TetherTransactionManager} (so {@code @Transactional} methods get a Tether session, shared with
 * {@code JdbcTemplate}) and an injectable {@link Session} that is the current transaction's. Each
 * bean backs off when the application defines its own; the {@link TetherProperties} set the rest.
 */
@AutoConfiguration(
    after = DataSourceAutoConfiguration.class,
    before = {
      DataSourceTransactionManagerAutoConfiguration.class,
      TransactionAutoConfiguration.class
    })
@ConditionalOnClass(Database.class)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(TetherProperties.class)
public class TetherAutoConfiguration {
  /** The models: {@code tether.models} when set, else {@link Registry#scan()}. */
  @Bean
  @ConditionalOnMissingBean
  public Registry tetherRegistry(TetherProperties properties) {
    List<String> names = properties.getModels();
    if (names.isEmpty()) {
      return Registry.scan();
    }
    ClassLoader loader = TetherAutoConfiguration.class.getClassLoader();
    Class<?>[] models = new Class<?>[names.size()];
    for (int i = 0; i < models.length; i++) {
      String name = names.get(i).trim();
      try {
        models[i] = ClassUtils.forName(name, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new MappingException(
            "unknown-model",
            "tether.models names "
                + name
                + ", which is not a class on the class path; give each model's fully qualified"
                + " name, or drop tether.models and compile with Tether's annotation processor.");
      }
    }
    return Registry.of(models);
  }

  /** The database on the application's data source; its schema created if asked. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public Database tetherDatabase(
      DataSource dataSource,
      Registry registry,
      TetherProperties properties,
      ObjectProvider<SqlLogger> sqlLogger) {
    Database db = Database.open(dataSource, registry);
    sqlLogger.ifAvailable(db::addStatementListener);
    if (properties.isCreateSchema()) {
      db.createAll();
    }
    return db;
  }

  @Bean
  @ConditionalOnBooleanProperty("tether.log-sql")
  @ConditionalOnMissingBean
  public SqlLogger tetherSqlLogger() {
    return new SqlLogger();
  }

  /** The transaction manager, unless the application has one. */
  @Bean
  @ConditionalOnMissingBean(TransactionManager.class)
  public TetherTransactionManager transactionManager(
      DataSource dataSource,
      Database database,
      TetherProperties properties,
      ObjectProvider<TransactionManagerCustomizers> customizers) {
    TetherTransactionManager manager = new TetherTransactionManager(dataSource, database);
    if (properties.isBatchLazyLoads()) {
      manager.setSessionInitializer(session -> session.setBatchLazyLoads(true));
    }
    customizers.ifAvailable(c -> c.customize(manager));
    return manager;
  }

  /** The current transaction's session, to inject anywhere ({@link TetherSessions#proxy}). */
  @Bean
  @ConditionalOnMissingBean
  public Session tetherSession(Database database) {
    return TetherSessions.proxy(database);
  }
}
