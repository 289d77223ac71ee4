package org.drivesync.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Finds the version of a WebJar on the classpath, so asset paths need no hard-coded version. */
public final class WebJars {
  private WebJars() {}

  public static String classpathRoot(String group, String artifact) {
    String pom = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = WebJars.class.getResourceAsStream(pom)) {
      if (in == null) {
        throw new IllegalStateException("WebJar not on the classpath: " + group + ":" + artifact);
      }
      Properties properties = new Properties();
      properties.load(in);
      return "/META-INF/resources/webjars/" + artifact + "/" + properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
