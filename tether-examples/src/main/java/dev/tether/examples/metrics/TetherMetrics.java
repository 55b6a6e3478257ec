package dev.tether.examples.metrics;

import dev.tether.Database;
import dev.tether.StatementEvent;
import dev.tether.StatementListener;
import dev.tether.TransactionEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tether's statements and transactions as Micrometer timers: an example of a {@link
 * StatementListener} binding, small enough to copy into an application.
 *
 * <ul>
 *   <li>{@code tether.statements}, tagged {@code verb} ({@code select}, {@code insert}, {@code
 *       update}, {@code delete}, {@code ddl} or {@code other}) and {@code outcome} ({@code success}
 *       or {@code failure}): one sample per statement, its duration;
 *   <li>{@code tether.transactions}, tagged {@code boundary} ({@code begin}, which includes the
 *       wait for a pooled connection, {@code commit}, {@code rollback}) and {@code outcome}.
 * </ul>
 *
 * <pre>{@code
 * TetherMetrics metrics = TetherMetrics.bind(db, meterRegistry);
 * ...
 * metrics.unbind();
 * }</pre>
 *
 * The SQL itself is not a tag: it would make one time series per statement text.
 */
public final class TetherMetrics implements StatementListener {
  private final Database db;
  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  private TetherMetrics(Database db, MeterRegistry registry) {
    this.db = db;
    this.registry = registry;
  }

  /** Starts recording {@code db}'s statements and transactions into {@code registry}. */
  public static TetherMetrics bind(Database db, MeterRegistry registry) {
    TetherMetrics metrics = new TetherMetrics(db, registry);
    db.addStatementListener(metrics);
    return metrics;
  }

  /** Stops recording. */
  public void unbind() {
    db.removeStatementListener(this);
  }

  @Override
  public void onStatement(String sql, int parameterSets) {}

  @Override
  public void afterStatement(StatementEvent event) {
    timer("tether.statements", "verb", verbOf(event.sql()), event.succeeded())
        .record(event.duration());
  }

  @Override
  public void onTransaction(TransactionEvent event) {
    String boundary = event.boundary().name().toLowerCase(Locale.ROOT);
    timer("tether.transactions", "boundary", boundary, event.succeeded()).record(event.duration());
  }

  private Timer timer(String name, String tag, String value, boolean succeeded) {
    String outcome = succeeded ? "success" : "failure";
    return timers.computeIfAbsent(
        name + '|' + value + '|' + outcome,
        k ->
            Timer.builder(name)
                .description("Tether " + name.substring("tether.".length()))
                .tag(tag, value)
                .tag("outcome", outcome)
                .register(registry));
  }

  /** The statement's kind, from its first word. */
  static String verbOf(String sql) {
    String s = sql.stripLeading();
    int end = 0;
    while (end < s.length() && Character.isLetter(s.charAt(end))) {
      end++;
    }
    String word = s.substring(0, end).toLowerCase(Locale.ROOT);
    return switch (word) {
      case "select", "insert", "update", "delete" -> word;
      case "with" -> "select";
      case "create", "drop", "alter" -> "ddl";
      default -> "other";
    };
  }
}
