/**
 * Tether's public API, what {@code import dev.tether.*;} brings in: {@link dev.tether.Model},
 * {@link dev.tether.One}, {@link dev.tether.Many}, the mapping annotations, {@link
 * dev.tether.Registry}, {@link dev.tether.Database}, {@link dev.tether.Session}, {@link
 * dev.tether.StatementListener}, the lifecycle hooks and listeners ({@link dev.tether.BeforeInsert}
 * and its siblings, {@link dev.tether.ModelListener}, {@link dev.tether.SessionListener}) and the
 * {@link dev.tether.TetherException} family.
 *
 * <p>Every internal package may use the annotations, exceptions and interfaces here. Only the entry
 * points {@code Model} (→ {@code attribute}), {@code Registry} (→ {@code mapping}) and {@code
 * Database} (→ {@code session}) may import internal packages, and they only delegate: no logic
 * lives here. Enforced by {@code ArchitectureTest}.
 */
package dev.tether;
