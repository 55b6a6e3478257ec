package dev.tether.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Id;
import dev.tether.Json;
import dev.tether.Model;
import dev.tether.Table;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Jackson is an optional dependency: without it on the class path, a model with a {@code @Json}
 * field is refused at {@code Registry.of} with the artifact to add, and models without one work.
 * The registry runs in a class loader that sees the test class path minus Jackson.
 */
class JsonWithoutJacksonTest {
  @Table("nj_profile")
  public static class Profile extends Model {
    @Id public Integer id;
    @Json public Map<String, Object> settings;
  }

  @Table("nj_plain")
  public static class Plain extends Model {
    @Id public Integer id;
    public String name;
  }

  @Test
  void aJsonFieldWithoutJacksonIsAMappingErrorNamingTheArtifact() throws Exception {
    try (URLClassLoader withoutJackson = classPathWithout("jackson")) {
      assertThat(registryOf(withoutJackson, Plain.class)).isNull();
      Throwable refused = registryOf(withoutJackson, Profile.class);
      assertThat(refused.getClass().getName()).isEqualTo("dev.tether.MappingException");
      assertThat(refused.getMessage())
          .isEqualTo(
              "Profile.settings is a @Json field, and Jackson 3 is not on the class path. Add the"
                  + " dependency tools.jackson.core:jackson-databind (3.x) to your build;"
                  + " Tether's core uses it only for JSON columns.");
    }
  }

  /** What {@code Registry.of(model)} throws in {@code loader}, or null when it succeeds. */
  private static Throwable registryOf(ClassLoader loader, Class<?> model) throws Exception {
    Class<?> registry = Class.forName("dev.tether.Registry", true, loader);
    Class<?> isolated = Class.forName(model.getName(), true, loader);
    try {
      registry.getMethod("of", Class[].class).invoke(null, (Object) new Class<?>[] {isolated});
      return null;
    } catch (InvocationTargetException e) {
      return e.getCause();
    }
  }

  private static URLClassLoader classPathWithout(String excluded) throws Exception {
    String path =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<URL> urls = new ArrayList<>();
    for (String entry : path.split(File.pathSeparator)) {
      // the jar's own name: the checkout's directory may contain the word too
      if (!entry.isEmpty() && !new File(entry).getName().contains(excluded)) {
        urls.add(new File(entry).toURI().toURL());
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }
}
