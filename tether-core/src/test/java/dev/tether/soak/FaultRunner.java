package dev.tether.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link Fault}'s steps on their own threads, at their times from the soak's start, until
 * {@link #stop()}: steps not yet due when the transfers end are not run (a test that kills a node
 * restarts it in a {@code finally} as well).
 */
final class FaultRunner {
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicInteger runs = new AtomicInteger();
  private final AtomicInteger errors = new AtomicInteger();
  private volatile boolean stopped;

  static FaultRunner start(Fault fault, long startNanos) {
    FaultRunner r = new FaultRunner();
    for (Fault.Step step : fault.steps()) {
      Thread t = new Thread(() -> r.loop(step, startNanos), "soak-fault-" + step.name());
      t.setDaemon(true);
      t.start();
      r.threads.add(t);
    }
    return r;
  }

  private void loop(Fault.Step step, long startNanos) {
    long due = startNanos + step.from().toNanos();
    long until = startNanos + step.until().toNanos();
    while (!stopped && due <= until) {
      long wait = due - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
          return;
        }
      }
      if (stopped) {
        return;
      }
      try {
        step.action().run();
      } catch (RuntimeException | Error e) {
        errors.incrementAndGet();
        System.err.println("[soak] fault step " + step.name() + " failed: " + e);
      }
      runs.incrementAndGet();
      if (step.every() == null) {
        return;
      }
      due += step.every().toNanos();
    }
  }

  /** Stops every step and waits for a running one to finish. */
  void stop() throws InterruptedException {
    stopped = true;
    for (Thread t : threads) {
      t.interrupt();
    }
    for (Thread t : threads) {
      t.join(60_000);
    }
  }

  int runs() {
    return runs.get();
  }

  int errors() {
    return errors.get();
  }
}
