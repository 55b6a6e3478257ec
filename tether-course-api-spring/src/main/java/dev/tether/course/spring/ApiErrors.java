package dev.tether.course.spring;

import dev.tether.course.ApiError;
import dev.tether.course.Views;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The Javalin server's error bodies: {@code {"error": message}} with 400, 401, 404 or 500. */
@RestControllerAdvice
class ApiErrors {
  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(ApiError.class)
  ResponseEntity<Views.Error> refused(ApiError e) {
    return error(e.status(), e.getMessage());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Views.Error> noEndpoint(HttpServletRequest request) {
    return error(404, "no endpoint " + request.getMethod() + " " + request.getRequestURI());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Views.Error> failed(Exception e, HttpServletRequest request) {
    log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
    return error(500, "internal error: " + e.getClass().getSimpleName());
  }

  private static ResponseEntity<Views.Error> error(int status, String message) {
    return ResponseEntity.status(status).body(new Views.Error(message));
  }
}
