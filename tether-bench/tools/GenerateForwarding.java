// Writes the Forwarding* JDBC classes of dev.tether.bench.jdbc (run from the repository root:
// java tether-bench/tools/GenerateForwarding.java). Kept so the delegation can be regenerated for a
// newer JDK instead of edited by hand.
import java.lang.reflect.*;
import java.util.*;
import java.nio.file.*;

public class GenerateForwarding {
  public static void main(String[] a) throws Exception {
    gen(java.sql.Connection.class, "ForwardingConnection", "A {@link java.sql.Connection} that forwards every call to another; subclasses override what they observe.");
    gen(java.sql.Statement.class, "ForwardingStatement", "A {@link java.sql.Statement} that forwards every call to another; subclasses override what they observe.");
    gen(java.sql.PreparedStatement.class, "ForwardingPreparedStatement", "A {@link java.sql.PreparedStatement} that forwards every call to another; subclasses override what they observe.");
    gen(java.sql.ResultSet.class, "ForwardingResultSet", "A {@link java.sql.ResultSet} that forwards every call to another; subclasses override what they observe.");
  }
  static String t(Type t) { return t.getTypeName().replace('$', '.'); }
  static void gen(Class<?> iface, String name, String doc) throws Exception {
    StringBuilder sb = new StringBuilder();
    sb.append("package dev.tether.bench.jdbc;\n\n");
    sb.append("/**\n * ").append(doc).append("\n *\n * <p>Written out method by method (no {@code java.lang.reflect.Proxy}) so that the JIT inlines the\n * forwarding and the counting wrapper costs every contender next to nothing.\n */\n");
    sb.append("@SuppressWarnings(\"deprecation\")\n");
    sb.append("abstract class ").append(name).append(" implements ").append(iface.getName()).append(" {\n");
    sb.append("  protected final ").append(iface.getName()).append(" delegate;\n\n");
    sb.append("  ").append(name).append("(").append(iface.getName()).append(" delegate) {\n    this.delegate = delegate;\n  }\n");
    List<Method> ms = new ArrayList<>(Arrays.asList(iface.getMethods()));
    ms.removeIf(m -> Modifier.isStatic(m.getModifiers()));
    ms.sort(Comparator.comparing(Method::toGenericString));
    Set<String> seen = new HashSet<>();
    for (Method m : ms) {
      String sig = m.getName() + Arrays.toString(m.getParameterTypes());
      if (!seen.add(sig)) continue;
      sb.append("\n");
      if (m.isAnnotationPresent(Deprecated.class)) sb.append("  @Deprecated\n");
      sb.append("  @Override\n  public ");
      TypeVariable<Method>[] tps = m.getTypeParameters();
      if (tps.length > 0) {
        sb.append("<");
        for (int i = 0; i < tps.length; i++) { if (i > 0) sb.append(", "); sb.append(tps[i].getName()); }
        sb.append("> ");
      }
      sb.append(t(m.getGenericReturnType())).append(" ").append(m.getName()).append("(");
      Type[] ps = m.getGenericParameterTypes();
      StringBuilder args = new StringBuilder();
      for (int i = 0; i < ps.length; i++) {
        if (i > 0) { sb.append(", "); args.append(", "); }
        String tn = t(ps[i]);
        if (m.isVarArgs() && i == ps.length - 1) tn = tn.substring(0, tn.length() - 2) + "...";
        sb.append(tn).append(" a").append(i);
        args.append("a").append(i);
      }
      sb.append(")");
      Class<?>[] ex = m.getExceptionTypes();
      if (ex.length > 0) {
        sb.append(" throws ");
        for (int i = 0; i < ex.length; i++) { if (i > 0) sb.append(", "); sb.append(ex[i].getName()); }
      }
      sb.append(" {\n    ");
      if (m.getReturnType() != void.class) sb.append("return ");
      sb.append("delegate.").append(m.getName()).append("(").append(args).append(");\n  }\n");
    }
    sb.append("}\n");
    Path out = Paths.get("tether-bench/src/main/java/dev/tether/bench/jdbc/" + name + ".java");
    Files.createDirectories(out.getParent());
    Files.writeString(out, sb.toString());
  }
}
