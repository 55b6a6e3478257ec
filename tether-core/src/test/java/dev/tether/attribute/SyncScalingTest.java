package dev.tether.attribute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.fixtures.BackPopulates;
import dev.tether.fixtures.BackPopulates.Child;
import dev.tether.fixtures.BackPopulates.Parent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §2.2, "every sync step is O(1) amortised, whatever the collection size" (SQLAlchemy's
 * removal from the old parent's list is O(n)). Two checks that a linear step would fail: an
 * absolute bound on 20,000 moves between big collections, and the growth of the time when moves and
 * collection size grow together (linear, not quadratic).
 *
 * <p>Built for a noisy 2-core machine: the timed work excludes object creation, each size is warmed
 * up and timed several times keeping the best run, the bounds leave a wide margin (a quadratic
 * implementation misses them by an order of magnitude), and a failed ratio is measured again before
 * the test gives up.
 */
class SyncScalingTest {

  @BeforeAll
  static void register() {
    BackPopulates.registry();
  }

  /** Two parents of {@code n} children each. */
  private static final class World {
    final Parent a = new Parent("a");
    final Parent b = new Parent("b");
    final List<Child> ofA = new ArrayList<>();
    final List<Child> ofB = new ArrayList<>();

    World(int n) {
      for (int i = 0; i < n; i++) {
        Child x = new Child("a" + i);
        Child y = new Child("b" + i);
        a.children.add(x);
        b.children.add(y);
        ofA.add(x);
        ofB.add(y);
      }
    }

    /**
     * {@code moves} exchanges: child i of a moves to b and child i of b moves to a, through the
     * scalar side, the collection side (displacing from the old parent) and remove-then-add in
     * turn. Both collections keep their size, and each move leaves a hole in the middle of one.
     */
    void exchange(int moves, long deadline) {
      for (int i = 0; i < moves; i++) {
        if ((i & 1023) == 0) {
          giveUpAfter(deadline, i);
        }
        Child x = ofA.get(i);
        Child y = ofB.get(i);
        switch (i % 3) {
          case 0 -> {
            x.parent.set(b);
            y.parent.set(a);
          }
          case 1 -> {
            b.children.add(x);
            a.children.add(y);
          }
          default -> {
            a.children.remove(x);
            b.children.add(x);
            b.children.remove(y);
            y.parent.set(a);
          }
        }
      }
    }
  }

  /** Fails (rather than running for hours) once a quadratic run is obvious. */
  private static void giveUpAfter(long deadline, int done) {
    if (System.nanoTime() > deadline) {
      throw new AssertionError(
          "gave up after " + done + " moves: a sync step is not O(1) in the collection size");
    }
  }

  private static long deadlineIn(Duration budget) {
    return System.nanoTime() + budget.toNanos();
  }

  /** Nanoseconds of the best of {@code runs} timed exchanges, each on a fresh world. */
  private static long bestOf(int runs, int size, int moves) {
    long best = Long.MAX_VALUE;
    for (int r = 0; r < runs; r++) {
      World w = new World(size);
      System.gc(); // collect the previous world now rather than during the timed moves
      long start = System.nanoTime();
      w.exchange(moves, deadlineIn(Duration.ofSeconds(10)));
      best = Math.min(best, System.nanoTime() - start);
      assertThat(w.a.children).hasSize(size);
    }
    return best;
  }

  /**
   * 20,000 children move one by one between two parents holding 32,768 children each (a full
   * storage array, the worst case for compaction), and 20,000 move back. O(1) steps take well under
   * a second, JIT warm-up included; a step that compacts or shifts the whole array takes seconds.
   */
  @Test
  void twenty_thousand_moves_between_big_collections_are_fast() {
    int size = 32_768;
    int moves = 20_000;
    World w = new World(size);

    long start = System.nanoTime();
    long deadline = deadlineIn(Duration.ofSeconds(10));
    w.exchange(moves, deadline);
    for (int i = 0; i < moves; i++) {
      if ((i & 1023) == 0) {
        giveUpAfter(deadline, moves + i);
      }
      w.ofA.get(i).parent.set(w.a); // and back
      w.a.children.remove(w.ofB.get(i));
      w.b.children.add(w.ofB.get(i));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(Duration.ofSeconds(3));
    // (AssertJ's containsExactlyInAnyOrder is quadratic; Many.containsAll is linear)
    assertThat(w.a.children).hasSize(size);
    assertThat(w.a.children.containsAll(w.ofA)).isTrue();
    assertThat(w.b.children).hasSize(size);
    assertThat(w.b.children.containsAll(w.ofB)).isTrue();
    assertThat(w.ofA).allMatch(c -> c.parent.get() == w.a);
    assertThat(w.ofB).allMatch(c -> c.parent.get() == w.b);
    assertThat(w.a.children.get(0)).isSameAs(w.ofA.get(moves)); // untouched ones first, in order
  }

  /**
   * 4,096 moves between collections of 4,096, then 65,536 between collections of 65,536: 16 times
   * the moves take 16 to 80 times as long (each step stays O(1), but the big maps miss the CPU
   * caches more often); with an O(n) step it would be 256 times. This is the check that catches a
   * plain linear scan, which the absolute bound above might not. Sizes are powers of two, where the
   * storage arrays are full.
   */
  @Test
  void time_grows_linearly_with_moves_whatever_the_collection_size() {
    int small = 4_096;
    int large = 65_536;
    bestOf(5, small, small); // warm-up: let the JIT compile the sync paths
    double ratio = Double.MAX_VALUE;
    for (int attempt = 0; attempt < 3 && ratio >= 128; attempt++) {
      long tSmall = bestOf(7, small, small);
      long tLarge = bestOf(4, large, large);
      ratio = Math.min(ratio, (double) tLarge / Math.max(tSmall, 1));
    }
    assertThat(ratio)
        .as("time(65,536 moves) / time(4,096 moves): 16 to 80 when linear, 256 when quadratic")
        .isLessThan(128);
  }
}
