package dev.tether.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A hand-written SVG chart of one workload: one log-log panel per variant, time per operation
 * against n, a line per contender (colour) and database (dash pattern).
 */
final class Chart {
  private Chart() {}

  private static final int PANEL_W = 360;
  private static final int PANEL_H = 260;
  private static final int MARGIN = 55;

  static String color(String impl) {
    return switch (impl) {
      case "raw" -> "#555555";
      case "tether" -> "#1f77b4";
      case "hibernate" -> "#ff7f0e";
      default -> "#2ca02c";
    };
  }

  static String dash(String db) {
    return switch (db) {
      case "postgresql" -> "6,3";
      case "mariadb" -> "2,3";
      default -> "none";
    };
  }

  static String svg(Workload w, List<Result> rs) {
    List<String> variants = Report.distinct(rs, Result::variant);
    int width = variants.size() * (PANEL_W + MARGIN) + MARGIN + 170;
    int height = PANEL_H + 2 * MARGIN + 20;
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"11\">\n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
                + "<text x=\"%d\" y=\"20\" font-size=\"14\">%s: %s (ns per %s, log-log)</text>\n",
            width,
            height,
            MARGIN,
            w.id(),
            esc(w.title()),
            esc(w.opUnit())));
    for (int v = 0; v < variants.size(); v++) {
      String variant = variants.get(v);
      List<Result> vr = rs.stream().filter(r -> r.variant().equals(variant)).toList();
      panel(sb, vr, variant, w.scaleUnit(), MARGIN + v * (PANEL_W + MARGIN), MARGIN);
    }
    legend(sb, rs, width - 160, MARGIN);
    return sb.append("</svg>\n").toString();
  }

  private static void panel(
      StringBuilder sb, List<Result> rs, String variant, String unit, int x0, int y0) {
    double minN = Double.MAX_VALUE;
    double maxN = 0;
    double minY = Double.MAX_VALUE;
    double maxY = 0;
    for (Result r : rs) {
      minN = Math.min(minN, r.n());
      maxN = Math.max(maxN, r.n());
      minY = Math.min(minY, r.nanosPerOp());
      maxY = Math.max(maxY, r.nanosPerOp());
    }
    double lx0 = Math.floor(Math.log10(minN));
    double lx1 = Math.max(lx0 + 1, Math.ceil(Math.log10(maxN)));
    double ly0 = Math.floor(Math.log10(Math.max(minY, 1e-3)));
    double ly1 = Math.max(ly0 + 1, Math.ceil(Math.log10(maxY)));
    sb.append(
        String.format(
            Locale.ROOT,
            "<g><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>\n"
                + "<text x=\"%d\" y=\"%d\">%s</text>\n"
                + "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">n (%s)</text>\n",
            x0,
            y0,
            PANEL_W,
            PANEL_H,
            x0,
            y0 - 6,
            esc(variant),
            x0 + PANEL_W / 2,
            y0 + PANEL_H + 32,
            esc(unit)));
    for (double d = lx0; d <= lx1; d++) {
      double x = x0 + (d - lx0) / (lx1 - lx0) * PANEL_W;
      sb.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
                  + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
              x,
              y0,
              x,
              y0 + PANEL_H,
              x,
              y0 + PANEL_H + 15,
              axis(Math.pow(10, d))));
    }
    for (double d = ly0; d <= ly1; d++) {
      double y = y0 + PANEL_H - (d - ly0) / (ly1 - ly0) * PANEL_H;
      sb.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ns</text>\n",
              x0,
              y,
              x0 + PANEL_W,
              y,
              x0 - 4,
              y + 4,
              axis(Math.pow(10, d))));
    }
    for (String db : Report.distinct(rs, Result::db)) {
      for (String impl : Report.distinct(rs, Result::impl)) {
        List<double[]> pts = new ArrayList<>();
        for (Result r : rs) {
          if (r.db().equals(db) && r.impl().equals(impl)) {
            double x = x0 + (Math.log10(r.n()) - lx0) / (lx1 - lx0) * PANEL_W;
            double y =
                y0
                    + PANEL_H
                    - (Math.log10(Math.max(r.nanosPerOp(), 1e-3)) - ly0) / (ly1 - ly0) * PANEL_H;
            pts.add(new double[] {x, y});
          }
        }
        StringBuilder path = new StringBuilder();
        for (double[] p : pts) {
          path.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[0], p[1]));
          sb.append(
              String.format(
                  Locale.ROOT,
                  "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>\n",
                  p[0],
                  p[1],
                  color(impl)));
        }
        sb.append(
            String.format(
                Locale.ROOT,
                "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\""
                    + " stroke-dasharray=\"%s\"/>\n",
                path.toString().trim(),
                color(impl),
                dash(db)));
      }
    }
    sb.append("</g>\n");
  }

  private static void legend(StringBuilder sb, List<Result> rs, int x, int y) {
    int row = 0;
    for (String db : Report.distinct(rs, Result::db)) {
      for (String impl : Report.distinct(rs, Result::impl)) {
        int yy = y + row++ * 16;
        sb.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\""
                    + " stroke-dasharray=\"%s\"/><text x=\"%d\" y=\"%d\">%s %s</text>\n",
                x,
                yy,
                x + 24,
                yy,
                color(impl),
                dash(db),
                x + 30,
                yy + 4,
                esc(impl),
                esc(db)));
      }
    }
  }

  private static String axis(double v) {
    if (v >= 1e6) {
      return String.format(Locale.ROOT, "%.0fM", v / 1e6);
    }
    if (v >= 1e3) {
      return String.format(Locale.ROOT, "%.0fk", v / 1e3);
    }
    return v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
