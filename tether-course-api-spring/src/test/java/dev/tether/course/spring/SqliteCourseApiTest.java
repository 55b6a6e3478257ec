package dev.tether.course.spring;

import dev.tether.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link CourseApiContract} on Sqlite ({@code TestDatabase.SQLITE}). */
class SqliteCourseApiTest extends CourseApiContract {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    database(properties, TestDatabase.SQLITE);
  }

  @Override
  TestDatabase target() {
    return TestDatabase.SQLITE;
  }
}
