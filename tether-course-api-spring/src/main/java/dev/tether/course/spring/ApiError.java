package dev.tether.course.spring;

/**
 * A request the API refuses: answered with {@link #status()} and {@code {"error": message}}. Thrown
 * inside a transaction it also rolls that transaction back, so nothing is half-written.
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  private ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** 400: the body is not what the endpoint takes; the message names the field. */
  static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }

  /** 404: no row has this id. */
  static ApiError notFound(String what) {
    return new ApiError(404, what + " not found");
  }

  /** 401: no valid session token. */
  static ApiError unauthorized(String message) {
    return new ApiError(401, message);
  }

  int status() {
    return status;
  }
}
