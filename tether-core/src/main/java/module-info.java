/**
 * Tether's core: the API a user's code compiles against, and nothing else.
 *
 * <p>Exported: {@code dev.tether} (annotations, {@code Registry}, {@code Database}, {@code
 * Session}, exceptions) and {@code dev.tether.query} (the query builder and the metamodel
 * attributes that generated {@code Model_} classes use). Every other package ({@code mapping},
 * {@code attribute}, {@code sql} and its dialects, {@code query.internal}, {@code schema}, {@code
 * engine}, {@code session}) is internal: public there means "used by another Tether package", not
 * "API". The annotation processor reuses the mapping rules' texts and names, hence the one
 * qualified export; tether-jackson reads the mapping and the per-object state (which relationships
 * are loaded) through two more.
 *
 * <p>A user's module reads this one with {@code requires dev.tether;} and opens the packages of its
 * mapped classes to it ({@code opens com.example.model to dev.tether;}): Tether reads and writes
 * their fields. On the class path everything works as before.
 */
// "module": the qualified exports name dev.tether.processor and dev.tether.jackson, which are not
// observable while the core compiles.
@SuppressWarnings("module")
module dev.tether {
  requires transitive java.sql; // Database.open(DataSource, Registry)
  requires org.slf4j;
  requires com.zaxxer.hikari;

  // Optional: only JsonCodec (a model with a @Json field) uses Jackson 3, and ModelReader checks
  // that it is there first; an application with JSON columns requires it itself.
  requires static tools.jackson.databind;

  // JDBC drivers are the user's choice: java.sql's DriverManager finds them through ServiceLoader,
  // and no code here names a driver class, so no `requires` for them.

  exports dev.tether;
  exports dev.tether.query;
  exports dev.tether.mapping to
      dev.tether.processor,
      dev.tether.jackson;
  // tether-jackson asks whether a relationship is loaded, and reads it, without loading it
  exports dev.tether.attribute to
      dev.tether.jackson;
}
