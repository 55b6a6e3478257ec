package dev.tether.engine;

import dev.tether.Isolation;
import java.time.Duration;

/**
 * What a {@code Database.Builder} asks of the pool Tether opens for a URL; {@code null} means the
 * default (the dialect's pool size, HikariCP's 30 s connection timeout, the driver's isolation).
 *
 * @param maxSize the most connections open at once
 * @param connectionTimeout how long a session waits for a free connection before failing
 * @param isolation the level every connection runs its transactions at
 */
public record PoolSettings(Integer maxSize, Duration connectionTimeout, Isolation isolation) {
  /** Every default. */
  public static final PoolSettings DEFAULTS = new PoolSettings(null, null, null);
}
