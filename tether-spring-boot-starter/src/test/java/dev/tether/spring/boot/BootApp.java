package dev.tether.spring.boot;

import dev.tether.Session;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A Spring Boot application with nothing of Tether's configured by hand. */
@SpringBootConfiguration
@EnableAutoConfiguration
class BootApp {
  @Bean
  Library library(Session session) {
    return new Library(session);
  }
}
