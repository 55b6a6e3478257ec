/**
 * In-memory relationship semantics, scenario by scenario: each test replays a transcript of {@code
 * shared/reference/sqlalchemy-semantics.md} (S01–S60) on transient objects and asserts SQLAlchemy's
 * observed outcome, or Tether's documented improvement (DESIGN §2, "deliberately better") with a
 * comment saying which. Models come from {@code dev.tether.fixtures}; no database is involved.
 */
package dev.tether.semantics;
