package dev.tether.mapping;

import dev.tether.MappingException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The cascade options of a relationship, parsed from SQLAlchemy's comma-separated words. */
public enum Cascade {
  SAVE_UPDATE("save-update"),
  MERGE("merge"),
  DELETE("delete"),
  DELETE_ORPHAN("delete-orphan"),
  EXPUNGE("expunge"),
  REFRESH_EXPIRE("refresh-expire");

  private final String word;

  Cascade(String word) {
    this.word = word;
  }

  /** The word used in {@code @Relationship(cascade = ...)}. */
  String word() {
    return word;
  }

  /**
   * Parses {@code "all, delete-orphan"}; {@code all} means everything but {@code delete-orphan};
   * {@code none} or an empty string mean no cascade.
   */
  public static Set<Cascade> parse(String text, String where) {
    EnumSet<Cascade> result = EnumSet.noneOf(Cascade.class);
    for (String raw : text.split(",")) {
      String w = raw.trim().toLowerCase(Locale.ROOT);
      if (w.isEmpty() || w.equals("none")) {
        continue;
      }
      if (w.equals("all")) {
        result.addAll(EnumSet.complementOf(EnumSet.of(DELETE_ORPHAN)));
        continue;
      }
      Cascade found = null;
      for (Cascade c : values()) {
        if (c.word.equals(w)) {
          found = c;
        }
      }
      if (found == null) {
        throw unknown(text, raw.trim(), w, where);
      }
      result.add(found);
    }
    return result;
  }

  private static MappingException unknown(String text, String word, String lower, String where) {
    List<String> words = new ArrayList<>();
    for (Cascade c : values()) {
      words.add(c.word);
    }
    words.add("all");
    words.add("none");
    boolean missingComma = words.containsAll(List.of(lower.split("\\s+")));
    return new MappingException(
        "cascade-unknown",
        where
            + ": cascade = \""
            + text
            + "\" has an unknown word '"
            + word
            + "'."
            + (missingComma
                ? " Separate the words with commas: \""
                    + String.join(", ", lower.split("\\s+"))
                    + "\"."
                : Names.didYouMean(lower, words))
            + " Cascade words: "
            + String.join(", ", words)
            + ".");
  }
}
