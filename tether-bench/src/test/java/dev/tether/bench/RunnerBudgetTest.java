package dev.tether.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The all-or-none skip rule of {@link Runner}: a point never has a ratio without its baseline. */
class RunnerBudgetTest {
  @Test
  void aPointRunsWhenAllContendersTogetherFitTheBudget() {
    // W4 miss at 100k on PostgreSQL in one run: the old per-contender rule skipped raw and tether
    // (over 90 s each) but ran hibernate; together they fit 3 × 120 s
    assertThat(Runner.overBudget(new double[] {18.2, 19.4, 17.0}, 5, 120)).isFalse();
  }

  @Test
  void aPointIsSkippedForAllWhenTheirRunsTogetherExceedTheBudget() {
    assertThat(Runner.overBudget(new double[] {18.2, 19.4, 17.0}, 5, 90)).isTrue();
    // one runaway contender takes the whole point with it, baseline included
    assertThat(Runner.overBudget(new double[] {0.1, 0.2, 500}, 5, 90)).isTrue();
  }

  @Test
  void nothingMeasuredYetPredictsNothing() {
    assertThat(Runner.overBudget(new double[] {0, 0, 0}, 5, 90)).isFalse();
  }
}
