package dev.tether.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Snake-case defaults and the "did you mean" suggestions every mapping message relies on. */
class NamesTest {

  @ParameterizedTest
  @CsvSource({
    "OrderLine, order_line",
    "parentId, parent_id",
    "Parent, parent",
    "id, id",
    "URLPart, url_part",
    "userID, user_id",
    "IOError, io_error",
    "HTTPServer, http_server",
    "ID, id",
    "A, a",
    "already_snake, already_snake",
    "Parent_Id, parent_id",
    "address2Line, address2_line",
    "version2, version2",
  })
  void snakeCase(String java, String sql) {
    assertThat(Names.snake(java)).isEqualTo(sql);
  }

  @ParameterizedTest
  @CsvSource({
    "parent, parent, 0",
    "parnt, parent, 1",
    "prent, parent, 1",
    "paernt, parent, 1", // a swap of neighbours is one edit
    "parent, child, 6",
    "'', abc, 3",
    "abc, '', 3",
    "kitten, sitting, 3",
  })
  void distanceCountsInsertionsDeletionsSubstitutionsAndSwaps(String a, String b, int expected) {
    assertThat(Names.distance(a, b)).isEqualTo(expected);
    assertThat(Names.distance(b, a)).isEqualTo(expected);
  }

  @Test
  void closestSuggestsOneTypo() {
    assertThat(Names.closest("parnt", List.of("children", "parent"))).isEqualTo("parent");
    assertThat(Names.closest("chidlren", List.of("parent", "children"))).isEqualTo("children");
  }

  @Test
  void closestIgnoresCase() {
    assertThat(Names.closest("parentID", List.of("parentId"))).isEqualTo("parentId");
    assertThat(Names.closest("PARENT", List.of("parent"))).isEqualTo("parent");
  }

  @Test
  void closestSuggestsNothingForUnrelatedNames() {
    assertThat(Names.closest("toy", List.of("parent", "children"))).isNull();
    assertThat(Names.closest("guardian", List.of("parent"))).isNull();
    assertThat(Names.closest("anything", List.of())).isNull();
  }

  @Test
  void closestNeverSuggestsAShortNameThatWouldBeRewrittenWhole() {
    // distance 2 between two-letter names is a complete rewrite, not a typo
    assertThat(Names.closest("ab", List.of("id"))).isNull();
    assertThat(Names.closest("x", List.of("y", "id"))).isNull();
    assertThat(Names.closest("no", List.of("id"))).isNull();
  }

  @Test
  void closestAllowsMoreEditsForLongerNames() {
    // a third of the length: 9 letters allow 3 edits, 5 letters allow 1
    assertThat(Names.closest("guardianz", List.of("guardians"))).isEqualTo("guardians");
    assertThat(Names.closest("grdianid", List.of("guardianId"))).isEqualTo("guardianId");
    assertThat(Names.closest("prnts", List.of("parent"))).isNull();
  }

  @Test
  void closestPrefersTheNearestCandidate() {
    assertThat(Names.closest("sendrId", List.of("senderName", "senderId"))).isEqualTo("senderId");
  }

  @Test
  void didYouMeanIsEmptyWithoutACloseName() {
    assertThat(Names.didYouMean("parnt", List.of("parent"))).isEqualTo(" Did you mean 'parent'?");
    assertThat(Names.didYouMean("toy", List.of("parent"))).isEmpty();
  }
}
