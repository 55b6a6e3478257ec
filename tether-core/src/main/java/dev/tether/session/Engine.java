package dev.tether.session;

import dev.tether.Session;
import dev.tether.StatementListener;
import dev.tether.mapping.Metadata;
import javax.sql.DataSource;

/** Placeholder while persistence is written. */
public final class Engine {
  private Engine() {}

  public static Engine open(String url, Metadata metadata) {
    throw new UnsupportedOperationException("not yet");
  }

  public static Engine open(DataSource ds, Metadata metadata) {
    throw new UnsupportedOperationException("not yet");
  }

  public void createAll() {}

  public void dropAll() {}

  public Session session() {
    return null;
  }

  public void addStatementListener(StatementListener l) {}

  public void removeStatementListener(StatementListener l) {}

  public String dialectName() {
    return "";
  }

  public void close() {}
}
