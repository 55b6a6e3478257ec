package dev.tether.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What goes wrong during a soak, and when: steps at times measured from the soak's start, each run
 * once or repeatedly until an end time. A kill storm is one repeated step; a node kill is a step
 * that kills and a later one that restarts.
 *
 * <pre>{@code
 * Fault storm = Fault.every("kill connections", ofSeconds(1), ofSeconds(5), ofMillis(300),
 *     target::killOtherConnections);
 * Fault nodeKill = Fault.once("kill -9 node 2", ofSeconds(2), cluster::killNode2)
 *     .then(Fault.once("restart node 2", ofSeconds(6), cluster::startNode2));
 * }</pre>
 *
 * <p>A step that throws is counted in the report ({@code faultErrors}) and the schedule goes on.
 */
public final class Fault {
  /**
   * One scheduled action: at {@code from}, then every {@code every} (if not null) until {@code
   * until}.
   */
  record Step(String name, Duration from, Duration until, Duration every, Runnable action) {}

  private final List<Step> steps;

  private Fault(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  /** No fault. */
  public static Fault none() {
    return new Fault(List.of());
  }

  /** {@code action} once, {@code at} after the start. */
  public static Fault once(String name, Duration at, Runnable action) {
    return new Fault(List.of(new Step(name, at, at, null, Objects.requireNonNull(action))));
  }

  /** {@code action} from {@code from} to {@code until} after the start, every {@code every}. */
  public static Fault every(
      String name, Duration from, Duration until, Duration every, Runnable action) {
    if (every.isZero() || every.isNegative() || until.compareTo(from) < 0) {
      throw new IllegalArgumentException("Fault.every: 0 < every, from <= until");
    }
    return new Fault(List.of(new Step(name, from, until, every, Objects.requireNonNull(action))));
  }

  /** This fault's steps and then {@code next}'s (each at its own times). */
  public Fault then(Fault next) {
    List<Step> all = new ArrayList<>(steps);
    all.addAll(next.steps);
    return new Fault(all);
  }

  List<Step> steps() {
    return steps;
  }

  /** When the last step has run: transfers that succeed after it show the database recovered. */
  Duration end() {
    return steps.stream().map(Step::until).max(Duration::compareTo).orElse(Duration.ZERO);
  }

  /** Names of the steps, for the report. */
  String describe() {
    return steps.isEmpty() ? "none" : String.join(", ", steps.stream().map(Step::name).toList());
  }
}
