package dev.tether.course.spring;

import dev.tether.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link AuthContract} on Sqlite ({@code TestDatabase.SQLITE}). */
class SqliteAuthTest extends AuthContract {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    database(properties, TestDatabase.SQLITE);
  }

  @Override
  TestDatabase target() {
    return TestDatabase.SQLITE;
  }
}
