package dev.tether.course.spring;

import dev.tether.course.Body;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives a handler's {@link Body} parameter the request's JSON object, read as the bytes that came
 * whatever the {@code Content-Type}: {@code curl -d '{...}'} sends a form type, whose body
 * {@code @RequestBody String} would get re-encoded from the parsed form parameters.
 */
@Configuration
class BodyArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {
  private final JsonMapper json;

  BodyArguments(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(this);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Body.class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory)
      throws IOException {
    HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
    byte[] bytes = request.getInputStream().readAllBytes();
    return Body.parse(json, new String(bytes, StandardCharsets.UTF_8));
  }
}
