package dev.tether.mapping;

import dev.tether.MappingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a relationship loads, parsed from {@code @Relationship(lazy = ...)} with SQLAlchemy's words.
 * The query layer picks one loader per constant; this enum only names and checks them.
 */
public enum Loading {
  /** Lazy: one SELECT on first use (the default). */
  SELECT("select"),
  /** Loaded with its parents by a second SELECT ... WHERE key IN (...). */
  SELECTIN("selectin"),
  /** Loaded with its parents through a LEFT OUTER JOIN. */
  JOINED("joined"),
  /** Never loaded implicitly: using it unloaded throws (the N+1 guard). */
  RAISE("raise"),
  /** Never loaded: reads as empty (a collection) or null (a reference) unless set in memory. */
  NOLOAD("noload"),
  /** A collection too large to load: only added to, removed from and queried. */
  WRITE_ONLY("write_only");

  private final String word;

  Loading(String word) {
    this.word = word;
  }

  /** The word used in {@code @Relationship(lazy = ...)}. */
  public String word() {
    return word;
  }

  /**
   * Parses {@code lazy} of {@code where} ({@code "Parent.children"}); case and {@code -}/{@code _}
   * are not significant.
   */
  static Loading parse(String text, String where, boolean collection) {
    String w = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    List<String> words = new ArrayList<>();
    for (Loading l : values()) {
      if (l.word.equals(w)) {
        if (l == WRITE_ONLY && !collection) {
          throw new MappingException(
              "lazy-write-only-one",
              where
                  + ": lazy = \""
                  + text
                  + "\" applies to collections only (a Many); a One holds a single object."
                  + " Use lazy = \"select\" or \"raise\" here.");
        }
        return l;
      }
      words.add(l.word);
    }
    throw new MappingException(
        "lazy-unknown",
        where
            + ": lazy = \""
            + text
            + "\" is not a loading strategy."
            + Names.didYouMean(w, words)
            + " Write one of: "
            + String.join(", ", words)
            + ".");
  }
}
