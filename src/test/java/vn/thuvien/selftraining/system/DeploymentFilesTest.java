package vn.thuvien.selftraining.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Docker does not run on the build machines: the production files are checked for the structure
 * {@code docker compose} and {@code docker build} need, and for agreeing with the application
 * (the same {@code postgres} profile the PostgreSQL tests start, the same variables).
 */
@SuppressWarnings("unchecked")
class DeploymentFilesTest {

  static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)(?:[:?-][^}]*)?}");

  @SuppressWarnings("unchecked")
  static Map<String, Object> compose() throws IOException {
    return new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> service(String name) throws IOException {
    return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
  }

  @Test
  void composeRunsPostgresMailpitTwoReplicasAndAStickyProxy() throws IOException {
    Map<String, Object> compose = compose();
    assertThat((Map<String, Object>) compose.get("services")).containsOnlyKeys("postgres", "mailpit", "app", "proxy");
    assertThat((Map<String, Object>) compose.get("volumes")).containsKey("postgres-data");

    Map<String, Object> postgres = service("postgres");
    assertThat((List<Object>) postgres.get("volumes")).contains("postgres-data:/var/lib/postgresql/data");
    assertThat(postgres).containsKeys("healthcheck", "restart");

    Map<String, Object> app = service("app");
    assertThat(((Map<String, Object>) app.get("deploy")).get("replicas")).isEqualTo(2);
    assertThat(app.get("build")).isEqualTo(".");
    assertThat(app.get("env_file")).isEqualTo(".env");
    assertThat(app.get("restart")).isEqualTo("unless-stopped");
    assertThat(app.get("ports")).as("replicas share no host port; the proxy does").isNull();
    Map<String, Object> environment = (Map<String, Object>) app.get("environment");
    assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres");
    assertThat(environment.keySet()).contains("DATABASE_URL", "DATABASE_USERNAME", "DATABASE_PASSWORD");
    assertThat(((Map<String, Object>) app.get("healthcheck")).get("test").toString()).contains("/actuator/health/readiness");
    assertThat(((Map<String, Object>) ((Map<String, Object>) app.get("depends_on")).get("postgres")).get("condition"))
        .isEqualTo("service_healthy");

    Map<String, Object> proxy = service("proxy");
    assertThat((List<Object>) proxy.get("volumes")).anySatisfy(v -> assertThat(v.toString()).startsWith("./deploy/Caddyfile:"));
    assertThat(Files.readString(Path.of("deploy/Caddyfile"))).contains("dynamic a app 8080", "lb_policy cookie",
        "/actuator/health/readiness");
    for (String name : List.of("postgres", "mailpit", "proxy")) {
      assertThat(service(name).get("restart")).as(name).isEqualTo("unless-stopped");
    }
  }

  @Test
  void everyVariableComposeReadsIsInEnvExampleAndThePostgresProfileReadsWhatComposeSets() throws IOException {
    Set<String> used = new LinkedHashSet<>();
    Matcher matcher = VARIABLE.matcher(Files.readString(Path.of("docker-compose.yml")));
    while (matcher.find()) {
      used.add(matcher.group(1));
    }
    Properties example = new Properties();
    try (var in = Files.newBufferedReader(Path.of(".env.example"))) {
      example.load(in);
    }
    assertThat(example.stringPropertyNames()).containsAll(used);
    assertThat(example.getProperty("POSTGRES_PASSWORD")).startsWith("change-me");
    assertThat(example.getProperty("ADMIN_PASSWORD")).startsWith("change-me");

    String profile = Files.readString(Path.of("src/main/resources/application-postgres.yaml"));
    Set<String> read = new LinkedHashSet<>();
    Matcher inProfile = VARIABLE.matcher(profile);
    while (inProfile.find()) {
      read.add(inProfile.group(1));
    }
    Map<String, Object> environment = (Map<String, Object>) service("app").get("environment");
    assertThat(read).contains("DATABASE_URL", "DATABASE_USERNAME", "DATABASE_PASSWORD");
    for (String variable : read) {
      assertThat(environment.containsKey(variable) || example.containsKey(variable)).as(variable).isTrue();
    }
    assertThat(profile).as("no secret in the profile").doesNotContain("password: selftraining");
  }

  @Test
  void dockerfileBuildsWithMavenAndRunsOnAJreAsANonRootUser() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("Dockerfile"));
    List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
    assertThat(from).hasSize(2);
    assertThat(from.get(0)).contains("eclipse-temurin:17-jdk").endsWith("AS build");
    assertThat(from.get(1)).contains("eclipse-temurin:17-jre");
    String text = String.join("\n", lines);
    assertThat(text).contains("COPY processes/ processes/", "COPY forms/ forms/", "./mvnw -B -q -DskipTests package",
        "USER app", "HEALTHCHECK", "/actuator/health/readiness");
    for (String copied : List.of(".mvn", "mvnw", "pom.xml", "src", "processes", "forms")) {
      assertThat(Path.of(copied)).exists();
    }
    assertThat(Files.readString(Path.of(".dockerignore"))).contains("target/", ".env");
  }
}
