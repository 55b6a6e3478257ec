package dev.tether.course.spring;

import dev.tether.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link CourseApiContract} on Postgresql ({@code TestDatabase.POSTGRESQL}). */
class PostgresqlCourseApiTest extends CourseApiContract {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    database(properties, TestDatabase.POSTGRESQL);
  }

  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRESQL;
  }
}
