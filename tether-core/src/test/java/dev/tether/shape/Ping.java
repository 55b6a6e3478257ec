package dev.tether.shape;

/** Fixture for {@code CodeShapeTest}: in a cycle with {@link Pong}, which reads its field. */
public class Ping {
  static final int LIMIT = 3;
  int count;

  Pong next() {
    return new Pong(this);
  }
}
