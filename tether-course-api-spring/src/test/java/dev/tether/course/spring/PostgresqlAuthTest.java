package dev.tether.course.spring;

import dev.tether.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link AuthContract} on Postgresql ({@code TestDatabase.POSTGRESQL}). */
class PostgresqlAuthTest extends AuthContract {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    database(properties, TestDatabase.POSTGRESQL);
  }

  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRESQL;
  }
}
