package dev.tether.course.spring;

import dev.tether.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link AuthContract} on Mariadb ({@code TestDatabase.MARIADB}). */
class MariadbAuthTest extends AuthContract {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    database(properties, TestDatabase.MARIADB);
  }

  @Override
  TestDatabase target() {
    return TestDatabase.MARIADB;
  }
}
