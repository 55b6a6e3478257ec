package dev.tether.spring.boot;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code tether.*} properties of a Spring Boot application.
 *
 * <pre>
 * tether.create-schema=true        # db.createAll() at start (tables that do not exist)
 * tether.batch-lazy-loads=true     # each transaction's session batches lazy loads
 * tether.log-sql=true              # every statement logged at INFO (logger dev.tether.sql)
 * tether.models=com.example.Author,com.example.Book   # only without the annotation processor
 * </pre>
 */
@ConfigurationProperties("tether")
public class TetherProperties {
  private boolean createSchema;
  private boolean batchLazyLoads;
  private boolean logSql;
  private List<String> models = new ArrayList<>();

  /** Whether to create the mapped tables that do not exist when the application starts. */
  public boolean isCreateSchema() {
    return createSchema;
  }

  public void setCreateSchema(boolean createSchema) {
    this.createSchema = createSchema;
  }

  /** Whether each transaction's session loads a lazy relationship for all its peers at once. */
  public boolean isBatchLazyLoads() {
    return batchLazyLoads;
  }

  public void setBatchLazyLoads(boolean batchLazyLoads) {
    this.batchLazyLoads = batchLazyLoads;
  }

  /** Whether to log every statement Tether sends at INFO, on the logger {@code dev.tether.sql}. */
  public boolean isLogSql() {
    return logSql;
  }

  public void setLogSql(boolean logSql) {
    this.logSql = logSql;
  }

  /**
   * The model classes, by name, for an application compiled without Tether's annotation processor;
   * empty (the default): {@code Registry.scan()} reads the processor's model index.
   */
  public List<String> getModels() {
    return models;
  }

  public void setModels(List<String> models) {
    this.models = models;
  }
}
