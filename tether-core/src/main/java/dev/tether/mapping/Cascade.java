package dev.tether.mapping;

import dev.tether.MappingException;
import java.util.EnumSet;
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
  public String word() {
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
        throw new MappingException(
            "cascade-unknown",
            where
                + ": unknown cascade '"
                + raw.trim()
                + "'."
                + Names.didYouMean(
                    w,
                    java.util.List.of(
                        "save-update",
                        "merge",
                        "delete",
                        "delete-orphan",
                        "expunge",
                        "refresh-expire",
                        "all",
                        "none"))
                + " Use a comma-separated list of: save-update, merge, delete, delete-orphan,"
                + " expunge, refresh-expire, all, none.");
      }
      result.add(found);
    }
    return result;
  }
}
