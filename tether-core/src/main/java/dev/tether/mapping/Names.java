package dev.tether.mapping;

import java.util.Collection;
import java.util.Locale;

/** Naming conventions (snake_case defaults) and "did you mean" suggestions for messages. */
public final class Names {
  private Names() {}

  /** {@code parentId → parent_id}, {@code OrderLine → order_line}, {@code URLPart → url_part}. */
  public static String snake(String javaName) {
    StringBuilder out = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean prevLower = i > 0 && !Character.isUpperCase(javaName.charAt(i - 1));
        boolean nextLower =
            i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
        boolean prevUpper = i > 0 && Character.isUpperCase(javaName.charAt(i - 1));
        if (i > 0 && (prevLower || (prevUpper && nextLower)) && javaName.charAt(i - 1) != '_') {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The candidate closest to {@code wrong}, or {@code null} when none is close enough to be a
   * plausible typo. Comparison ignores case (a case-only difference is always close); otherwise the
   * edit distance may be at most a third of the length of {@code wrong} (at least 1), and must be
   * smaller than the candidate's length (rewriting a whole name is not a typo). Ties go to the
   * first candidate.
   */
  static String closest(String wrong, Collection<String> candidates) {
    String lower = wrong.toLowerCase(Locale.ROOT);
    int allowed = Math.max(1, wrong.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance && d <= allowed && d < candidate.length()) {
        bestDistance = d;
        best = candidate;
      }
    }
    return best;
  }

  /** Appends {@code " Did you mean 'x'?"} when a close candidate exists. */
  public static String didYouMean(String wrong, Collection<String> candidates) {
    String close = closest(wrong, candidates);
    return close == null ? "" : " Did you mean '" + close + "'?";
  }

  /** {@code Parent → parent}. */
  static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** Optimal-string-alignment distance: edits, with a swap of neighbours counting as one. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
