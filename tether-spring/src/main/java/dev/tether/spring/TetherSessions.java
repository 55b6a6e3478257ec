package dev.tether.spring;

import dev.tether.Database;
import dev.tether.Session;
import dev.tether.SessionStateException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Objects;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The current Spring transaction's Tether session, for code that runs inside a {@code
 * Transactional} method managed by a {@link TetherTransactionManager}.
 *
 * <pre>{@code
 * @Bean Session session(Database db) { return TetherSessions.proxy(db); }   // inject it anywhere
 *
 * @Service class Orders {
 *   private final Session session;
 *   Orders(Session session) { this.session = session; }
 *
 *   @Transactional public void place(Order order) { session.add(order); }
 * }
 * }</pre>
 */
public final class TetherSessions {
  private TetherSessions() {}

  /**
   * The session of the Spring transaction active on this thread for {@code database}.
   *
   * @throws SessionStateException (code {@code no-transaction}) outside such a transaction
   */
  public static Session current(Database database) {
    Objects.requireNonNull(database, "database");
    if (TransactionSynchronizationManager.getResource(database) instanceof TransactionSession s) {
      return s.session();
    }
    throw new SessionStateException(
        "no-transaction",
        "No Spring transaction with a Tether session is active on this thread for this "
            + database.dialect()
            + " database: call this from a @Transactional method (or TransactionTemplate) run by a"
            + " TetherTransactionManager for this Database.");
  }

  /**
   * A {@link Session} that stands for the current transaction's session: each call goes to {@link
   * #current(Database)} at the time it is made, so one instance can be injected into singletons.
   * Outside a transaction every call fails as {@link #current} does; {@code close()} does nothing
   * (the transaction closes its session).
   */
  public static Session proxy(Database database) {
    Objects.requireNonNull(database, "database");
    InvocationHandler handler =
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "close":
              if (method.getParameterCount() == 0) {
                return null;
              }
              break;
            case "toString":
              if (method.getParameterCount() == 0) {
                return "Session of the current Spring transaction (" + database.dialect() + ")";
              }
              break;
            case "hashCode":
              if (method.getParameterCount() == 0) {
                return System.identityHashCode(proxy);
              }
              break;
            case "equals":
              if (method.getParameterCount() == 1) {
                return proxy == args[0];
              }
              break;
            default:
              break;
          }
          return invoke(method, current(database), args);
        };
    return (Session)
        Proxy.newProxyInstance(
            TetherSessions.class.getClassLoader(), new Class<?>[] {Session.class}, handler);
  }

  private static Object invoke(Method method, Session target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
