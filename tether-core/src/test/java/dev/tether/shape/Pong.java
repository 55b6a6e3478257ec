package dev.tether.shape;

/** Fixture for {@code CodeShapeTest}: reads {@link Ping}'s field, and a constant (not counted). */
public class Pong {
  final int seen;

  Pong(Ping ping) {
    seen = ping.count + Ping.LIMIT;
  }

  /** A nested class counts as its top-level class: no cycle with Pong, no foreign access. */
  class Echo {
    int echo() {
      return seen;
    }
  }
}
