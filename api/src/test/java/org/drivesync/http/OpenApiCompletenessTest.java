package org.drivesync.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.File;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drivesync.resources.RegionResource;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.Test;

/** Fails when a resource method is missing from /api/openapi.json: app developers read it. */
class OpenApiCompletenessTest {
  private static final Map<Class<? extends Annotation>, String> VERBS =
      Map.of(
          GET.class,
          "get",
          POST.class,
          "post",
          PUT.class,
          "put",
          PATCH.class,
          "patch",
          DELETE.class,
          "delete");

  @Test
  void everyResourceMethodIsDescribed() throws Exception {
    JsonNode paths = TestApp.get().http().get("/api/openapi.json").json().get("paths");
    List<String> missing = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    for (Class<?> resource : resourceClasses()) {
      Path classPath = resource.getAnnotation(Path.class);
      if (classPath == null || resource.isAnnotationPresent(Hidden.class)) {
        continue;
      }
      for (Method method : resource.getDeclaredMethods()) {
        if (method.isAnnotationPresent(Hidden.class)) {
          continue;
        }
        for (var verb : VERBS.entrySet()) {
          if (method.isAnnotationPresent(verb.getKey())) {
            String path = join(classPath.value(), method.getAnnotation(Path.class));
            checked.add(verb.getValue() + " " + path);
            if (!paths.has(path) || !paths.get(path).has(verb.getValue())) {
              missing.add(verb.getValue().toUpperCase() + " " + path);
            }
          }
        }
      }
    }
    assertThat(checked).isNotEmpty();
    assertThat(missing).as("resource methods missing from the OpenAPI document").isEmpty();
  }

  private static String join(String base, Path sub) {
    String path =
        sub == null ? base : base.replaceAll("/$", "") + "/" + sub.value().replaceAll("^/", "");
    // OpenAPI drops regular expressions from templates: {type:json|yaml} -> {type}.
    return path.replaceAll("\\{(\\w+):[^}]*}", "{$1}").replaceAll("/$", "");
  }

  private static List<Class<?>> resourceClasses()
      throws URISyntaxException, ClassNotFoundException {
    File folder =
        new File(RegionResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    File resources = new File(folder, "org/drivesync/resources");
    List<Class<?>> classes = new ArrayList<>();
    for (File file : resources.listFiles()) {
      String name = file.getName();
      if (name.endsWith(".class") && !name.contains("$")) {
        classes.add(Class.forName("org.drivesync.resources." + name.replace(".class", "")));
      }
    }
    return classes;
  }
}
