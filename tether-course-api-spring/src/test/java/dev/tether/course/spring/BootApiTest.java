package dev.tether.course.spring;

import dev.tether.Database;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The Boot application on a free port ({@code RANDOM_PORT}), driven by a real HTTP client that also
 * counts the statements each request sent. Each test gets a new application on an emptied database
 * (so ids start at 1), with a clock the test moves.
 */
@SpringBootTest(
    classes = {CourseApiApplication.class, BootApiTest.TestClock.class},
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "tether.create-schema=false")
@DirtiesContext(classMode = ClassMode.AFTER_EACH_TEST_METHOD)
abstract class BootApiTest {
  static final long START = 1_800_000_000L;

  @LocalServerPort int port;
  @Autowired Database db;
  @Autowired MovableClock clock;

  final StatementRecorder sql = new StatementRecorder();
  Http http;

  /**
   * Points the application at {@code target}, emptied and with the course's tables (fails under
   * {@code CI=true} when the server is not there). SQLite is a file: Boot's pool and the test must
   * see one database.
   */
  static void database(DynamicPropertyRegistry properties, TestDatabase target) {
    properties.add("spring.datasource.url", () -> freshUrl(target));
  }

  private static String freshUrl(TestDatabase target) {
    String url;
    try {
      url = target.sharedUrl(Files.createTempDirectory("tether-course-spring"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (url.startsWith("jdbc:sqlite:")) {
      url += CourseApiApplication.SQLITE_OPTIONS;
    }
    target.open(new CourseApiApplication().courseModels(), url).close();
    return url;
  }

  abstract TestDatabase target();

  @BeforeEach
  void start() {
    db.addStatementListener(sql);
    http = new Http("http://127.0.0.1:" + port, sql);
  }

  @AfterEach
  void stop() {
    db.removeStatementListener(sql);
  }

  String quote(String name) {
    return target().dialect().quote(name);
  }

  /** Replaces the application's clock. */
  @TestConfiguration
  static class TestClock {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }

  /** A clock the test moves forward, to expire sessions without waiting. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.ofEpochSecond(START);

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
