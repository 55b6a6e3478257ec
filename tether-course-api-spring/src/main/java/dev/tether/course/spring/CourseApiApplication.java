package dev.tether.course.spring;

import dev.tether.Registry;
import dev.tether.course.Account;
import dev.tether.course.Assignment;
import dev.tether.course.Course;
import dev.tether.course.User;
import dev.tether.jackson.TetherModule;
import dev.tether.jackson.TetherModule.Reverse;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The course's API on Spring Boot: the same endpoints and JSON as {@code tether-course-api}'s
 * Javalin server, on the same models. {@code tether-spring-boot-starter} supplies the {@code
 * Database}, the transaction manager and the injectable {@code Session}; Boot's {@code JsonMapper}
 * carries {@link TetherModule}. {@code mvn -pl tether-course-api-spring -am spring-boot:run}.
 */
@SpringBootApplication
public class CourseApiApplication {
  /**
   * What an SQLite URL needs under a connection pool: foreign keys on, a busy timeout, and
   * transactions that take the write lock at {@code BEGIN} (a deferred one that reads, then writes
   * while another connection writes, fails at once with {@code SQLITE_BUSY}).
   */
  public static final String SQLITE_OPTIONS =
      "?foreign_keys=true&busy_timeout=10000&transaction_mode=IMMEDIATE";

  /** Starts the server ({@code --server.port=N --spring.datasource.url=...}). */
  public static void main(String[] args) {
    SpringApplication.run(CourseApiApplication.class, args);
  }

  /** The course's models (the starter's {@code Registry.scan()} backs off for this bean). */
  @Bean
  Registry courseModels() {
    return Registry.of(Course.class, User.class, Assignment.class, Account.class);
  }

  /** The clock sessions expire by (tests move their own). */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Passwords as BCrypt hashes: salted, slow on purpose ({@code spring-security-crypto}). */
  @Bean
  PasswordEncoder passwords() {
    return new BCryptPasswordEncoder();
  }

  /**
   * Boot registers every {@code JacksonModule} bean with its {@code JsonMapper}. The course's
   * nested objects leave out the reverse side of a pair ({@code assignment.course} inside {@code
   * course.assignments}) and the foreign keys the relationships already show ({@code courseId}).
   */
  @Bean
  TetherModule tetherModule(Registry registry) {
    return TetherModule.builder(registry).reverse(Reverse.OMIT).foreignKeys(false).build();
  }
}
