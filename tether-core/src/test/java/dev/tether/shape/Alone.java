package dev.tether.shape;

/** Fixture for {@code CodeShapeTest}: uses Ping, which does not use it back (no cycle). */
public class Alone {
  int of(Ping ping) {
    return ping.next().seen;
  }
}
