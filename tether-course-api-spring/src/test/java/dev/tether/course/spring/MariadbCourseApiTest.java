package dev.tether.course.spring;

import dev.tether.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link CourseApiContract} on Mariadb ({@code TestDatabase.MARIADB}). */
class MariadbCourseApiTest extends CourseApiContract {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    database(properties, TestDatabase.MARIADB);
  }

  @Override
  TestDatabase target() {
    return TestDatabase.MARIADB;
  }
}
