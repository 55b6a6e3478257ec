package dev.tether.course.spring;

import dev.tether.Database;
import dev.tether.StatementListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Counts the SQL statements of the request being handled on this thread and returns the count as
 * the {@code X-Statements} header, as the Javalin server does: {@code curl -i} shows what each
 * endpoint costs. Every transaction commits before its controller returns, so the count is final
 * when the body is written.
 */
@Component
final class StatementCount implements StatementListener {
  private final ThreadLocal<int[]> count = ThreadLocal.withInitial(() -> new int[1]);

  StatementCount(Database database) {
    database.addStatementListener(this);
  }

  @Override
  public void onStatement(String sql, int rows) {
    count.get()[0]++;
  }

  /** Listens to the application's database and starts each request at zero. */
  @Component
  static final class Reset extends OncePerRequestFilter {
    private final StatementCount statements;

    Reset(StatementCount statements) {
      this.statements = statements;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      statements.count.get()[0] = 0;
      chain.doFilter(request, response);
    }
  }

  /** Writes the header on every JSON body, the controllers' and the error handlers'. */
  @ControllerAdvice
  static final class Header implements ResponseBodyAdvice<Object> {
    private final StatementCount statements;

    Header(StatementCount statements) {
      this.statements = statements;
    }

    @Override
    public boolean supports(
        MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
      return true;
    }

    @Override
    public Object beforeBodyWrite(
        Object body,
        MethodParameter returnType,
        MediaType contentType,
        Class<? extends HttpMessageConverter<?>> converterType,
        ServerHttpRequest request,
        ServerHttpResponse response) {
      response.getHeaders().set("X-Statements", Integer.toString(statements.count.get()[0]));
      return body;
    }
  }
}
