package vn.thuvien.selftraining.shipped;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The built jar started as the Dockerfile starts it ({@code java -jar}, the image's
 * {@code JAVA_TOOL_OPTIONS}), in an empty working directory of its own, on a free port, and spoken
 * to over HTTP only. {@link #close()} stops the process (and kills it if it does not stop).
 */
final class ShippedApplication implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  /** What the Dockerfile's entry point runs, checked by {@link ShippedJarIT}. */
  static final List<String> DOCKER_ENTRYPOINT = List.of("java", "-jar", "/app/app.jar");

  private final String name;
  private final Process process;
  private final Path workDir;
  private final Path log;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ShippedApplication(String name, Process process, Path workDir, Path log, int port) {
    this.name = name;
    this.process = process;
    this.workDir = workDir;
    this.log = log;
    this.port = port;
  }

  /** Starts the jar with the given environment (on top of the machine's, less any Spring profile). */
  static ShippedApplication start(String name, Map<String, String> environment) throws IOException {
    Path jar = Path.of(System.getProperty("shipped.jar", "target/self-training-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
    assertThat(jar).as("the built jar (mvn package runs before the integration tests)").isRegularFile();
    Path workDir = Files.createTempDirectory("shipped-" + name + "-");
    Path log = workDir.resolve("application.log");
    int port = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString())
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.remove("SPRING_PROFILES_ACTIVE");
    env.put("JAVA_TOOL_OPTIONS", dockerJavaToolOptions());
    env.put("PORT", Integer.toString(port));
    env.putAll(environment);
    return new ShippedApplication(name, builder.start(), workDir, log, port);
  }

  /** The image's JVM options, read from the Dockerfile so the test cannot drift from it. */
  static String dockerJavaToolOptions() throws IOException {
    Matcher matcher = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"").matcher(Files.readString(Path.of("Dockerfile")));
    assertThat(matcher.find()).as("JAVA_TOOL_OPTIONS in the Dockerfile").isTrue();
    return matcher.group(1);
  }

  /** Waits until {@code /actuator/health/readiness} answers UP; fails with the log's end otherwise. */
  ShippedApplication awaitReady(Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " stopped with exit code " + process.exitValue() + "\n" + logTail());
      }
      try {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && JSON.readTree(answer.body()).path("status").asText().equals("UP")) {
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError(name + " not ready after " + timeout + "\n" + logTail());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  HttpResponse<String> get(String path, String user, String password) throws Exception {
    return http.send(request(path, user, password).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> download(String path, String user, String password) throws Exception {
    return http.send(request(path, user, password).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  JsonNode getJson(String path, String user, String password) throws Exception {
    HttpResponse<String> answer = get(path, user, password);
    assertThat(answer.statusCode()).as("GET " + path + " as " + user + ": " + answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  HttpResponse<String> postJson(String path, String user, String password, Object body) throws Exception {
    return http.send(request(path, user, password).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A multipart form of files under one field name, as a browser or curl -F sends it. */
  HttpResponse<String> postFiles(String path, String user, String password, String field, List<Path> files)
      throws Exception {
    String boundary = "----shipped" + UUID.randomUUID();
    List<byte[]> parts = new ArrayList<>();
    for (Path file : files) {
      parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
          + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      parts.add(Files.readAllBytes(file));
      parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(request(path, user, password).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Camunda REST variables: every value a String, as Tasklist's forms send them. */
  static Map<String, Object> variables(Map<String, String> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((key, value) -> variables.put(key, Map.of("value", value, "type", "String")));
    return Map.of("variables", variables);
  }

  static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "--- last lines of " + log + " ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  Path workDir() {
    return workDir;
  }

  private HttpRequest.Builder request(String path, String user, String password) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Stops the process, then removes its working directory (database and log). */
  @Override
  public void close() throws InterruptedException, IOException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    try (Stream<Path> files = Files.walk(workDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
