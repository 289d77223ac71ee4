package org.drivesync.access;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.File;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.drivesync.resources.RegionResource;
import org.junit.jupiter.api.Test;

/** Every resource method says who may call it, and only the intended few are public. */
class DenyByDefaultTest {
  private static final Set<String> PUBLIC =
      Set.of(
          "RegionResource.list",
          "SessionResource.signIn",
          "DeviceResource.enrol",
          "PasswordResetResource.redeem",
          "OpenApiDescriptionResource.describe",
          "EligibilityResource.currentRuleset",
          "EligibilityResource.ruleset",
          "RulesetTranslationResource.bundle");

  @Test
  void everyResourceMethodDeclaresItsRolesAndOnlyKnownOnesArePublic() throws Exception {
    List<String> undeclared = new ArrayList<>();
    List<String> unexpectedPublic = new ArrayList<>();
    File folder =
        new File(
            new File(
                RegionResource.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
            "org/drivesync/resources");
    for (File file : folder.listFiles()) {
      if (!file.getName().endsWith(".class") || file.getName().contains("$")) {
        continue;
      }
      Class<?> resource =
          Class.forName("org.drivesync.resources." + file.getName().replace(".class", ""));
      if (!resource.isAnnotationPresent(Path.class)) {
        continue;
      }
      for (Method method : resource.getDeclaredMethods()) {
        if (!isEndpoint(method)) {
          continue;
        }
        String name = resource.getSimpleName() + "." + method.getName();
        boolean roles =
            method.isAnnotationPresent(RolesAllowed.class)
                || resource.isAnnotationPresent(RolesAllowed.class);
        boolean permitAll = method.isAnnotationPresent(PermitAll.class);
        if (!roles && !permitAll) {
          undeclared.add(name);
        }
        if (permitAll && !PUBLIC.contains(name)) {
          unexpectedPublic.add(name);
        }
      }
    }
    assertThat(undeclared).isEmpty();
    assertThat(unexpectedPublic).isEmpty();
  }

  private static boolean isEndpoint(Method method) {
    return method.isAnnotationPresent(GET.class)
        || method.isAnnotationPresent(POST.class)
        || method.isAnnotationPresent(PUT.class)
        || method.isAnnotationPresent(PATCH.class)
        || method.isAnnotationPresent(DELETE.class);
  }
}
