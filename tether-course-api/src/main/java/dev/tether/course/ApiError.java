package dev.tether.course;

/**
 * A request the API refuses: answered with {@link #status()} and {@code {"error": message}}. Thrown
 * inside a transaction it also rolls that transaction back, so nothing is half-written.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  private ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** 400: the body is not what the endpoint takes; the message names the field. */
  public static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }

  /** 404: no row has this id. */
  public static ApiError notFound(String what) {
    return new ApiError(404, what + " not found");
  }

  /** 401: no valid session token. */
  public static ApiError unauthorized(String message) {
    return new ApiError(401, message);
  }

  public int status() {
    return status;
  }
}
