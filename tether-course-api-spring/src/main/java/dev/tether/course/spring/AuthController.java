package dev.tether.course.spring;

import dev.tether.IntegrityException;
import dev.tether.course.ApiError;
import dev.tether.course.Body;
import dev.tether.course.spring.AuthService.Tokens;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The authentication chapter's endpoints: register, login, refresh the session with the update
 * token, logout, and a secret only a valid, unexpired session token opens ({@code Authorization:
 * Bearer ...}; 401 otherwise).
 */
@RestController
class AuthController {
  /** {@code {"message": ...}}. */
  record Message(String message) {}

  private final AuthService auth;
  private final PasswordEncoder passwords;

  AuthController(AuthService auth, PasswordEncoder passwords) {
    this.auth = auth;
    this.passwords = passwords;
  }

  @PostMapping("/api/register/")
  @ResponseStatus(HttpStatus.CREATED)
  Tokens register(Body body) {
    String email = body.string("email");
    String digest = passwords.encode(body.string("password")); // slow: before the transaction
    try {
      return auth.register(email, digest);
    } catch (IntegrityException e) { // a concurrent registration won the unique email
      throw ApiError.badRequest("email " + email + " is already registered");
    }
  }

  @PostMapping("/api/login/")
  Tokens login(Body body) {
    return auth.login(body.string("email"), body.string("password"));
  }

  @PostMapping("/api/session/")
  Tokens refresh(@RequestHeader(name = "Authorization", required = false) String header) {
    return auth.refresh(bearer(header));
  }

  @PostMapping("/api/logout/")
  Message logout(@RequestHeader(name = "Authorization", required = false) String header) {
    auth.logout(bearer(header));
    return new Message("you have been logged out");
  }

  @GetMapping("/api/secret/")
  Message secret(@RequestHeader(name = "Authorization", required = false) String header) {
    return new Message("hello " + auth.emailOf(bearer(header)) + ", your session token works");
  }

  private static String bearer(String header) {
    if (header == null || !header.startsWith("Bearer ") || header.length() == 7) {
      throw ApiError.unauthorized("missing Authorization: Bearer <token>");
    }
    return header.substring(7).trim();
  }
}
