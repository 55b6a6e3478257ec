package dev.tether.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the processor knows beyond the sources it compiles: models on the class path (compiled
 * earlier, or from a library jar) are read from their class files, so relationships to them are
 * checked without false errors; and what {@code @SuppressWarnings("tether")} silences.
 */
class CompilationScopeTest {

  /** The library of this module's tests, compiled on its own: the "jar" of these tests. */
  static Compilation library() {
    Compilation library = Compilation.ofDirectory(ModelIndexTest.LIBRARY);
    assertThat(library.problems()).isEmpty();
    return library;
  }

  static String review(String relationship) {
    return "package reviews;\n\n"
        + "import dev.tether.*;\n"
        + "import dev.tether.processor.library.Book;\n\n"
        + "@Table(\"review\")\n"
        + "public class Review extends Model {\n"
        + "  @Id public Integer id;\n"
        + "  @ForeignKey(\"book.id\") public Integer bookId;\n"
        + relationship
        + "}\n";
  }

  @Test
  void relationshipsToModelsOnTheClassPathAreCheckedWithoutFalseErrors() {
    Compilation c =
        Compilation.into(
            library().classes,
            review(
                "  @Relationship(backref = \"reviews\")\n"
                    + "  public final One<Book> book = one();\n"));
    assertThat(c.problems()).isEmpty();
    // the backref lands on a class of the library: it has no metamodel here to carry it
    assertThat(c.generatedSources()).containsOnlyKeys("reviews/Review_.java");
  }

  @Test
  void aMistakeAgainstAModelOnTheClassPathIsReported() {
    String review =
        review(
            "  @Relationship(backPopulates = \"reviws\")\n"
                + "  public final One<Book> book = one();\n");
    Compilation c = Compilation.into(library().classes, review);
    assertThat(c.error().message())
        .isEqualTo(
            "[tether:backpopulates-missing] Review.book: backPopulates = \"reviws\" names no"
                + " relationship of Book. Add the reverse side to Book: `@Relationship(backPopulates"
                + " = \"book\") public final Many<Review> reviws = many();`.");
    assertThat(c.error().line()).isEqualTo(DiagnosticsTest.lineOf(review, "\"reviws\""));
  }

  @Test
  void aSuppressedFieldIsNotReported() {
    String review =
        "package reviews;\n\nimport dev.tether.*;\n\n"
            + "public class Review extends Model {\n"
            + "  @Id public Integer id;\n"
            + "  @SuppressWarnings(\"tether\") // the table is mapped by a library's model\n"
            + "  @ForeignKey(\"catalogue.id\") public Integer catalogueId;\n"
            + "  @ForeignKey(\"catalog.id\") public Integer otherId;\n"
            + "}\n";
    Compilation c = Compilation.of(review);
    assertThat(c.error().line()).isEqualTo(DiagnosticsTest.lineOf(review, "catalog.id"));
    assertThat(c.error().message()).startsWith("[tether:fk-table] Review.otherId:");
  }
}
