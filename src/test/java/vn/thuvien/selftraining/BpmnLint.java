package vn.thuvien.selftraining;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * bpmnlint on the JVM: runs {@code src/test/resources/bpmnlint/bpmnlint-bundle.js} (built by
 * {@code tools/bpmnlint/build.sh} from {@code .bpmnlintrc}) in GraalJS, so the build needs a JDK and
 * Maven only, no Node. The bundle holds bpmnlint's Linter, the rules of the configuration resolved at
 * build time and bpmn-moddle with the Camunda and Modeler extensions.
 *
 * <p>One instance is one JavaScript context: not thread-safe; close it when done.
 */
final class BpmnLint implements AutoCloseable {

  static final String BUNDLE = "/bpmnlint/bpmnlint-bundle.js";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One report of a rule (or of the parser, rule {@code parse}/{@code import}) on one element. */
  record Report(String file, String elementId, String rule, String message, String category) {

    @Override
    public String toString() {
      return file + ": " + elementId + ": " + rule + ": " + message;
    }
  }

  private final Context context;
  private final Value api;

  BpmnLint() {
    // A stock JDK has no Graal compiler, so GraalJS runs interpreted: fast enough for a few models,
    // and the warning about it would only be noise in the test log.
    context = Context.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
    context.eval(Source.newBuilder("js", bundle(), "bpmnlint-bundle.js").buildLiteral());
    api = context.getBindings("js").getMember("BpmnLint");
  }

  /** Every report bpmnlint gives for one BPMN document; empty when it is clean. */
  List<Report> lint(String file, String xml) {
    JsonNode reports = read(settle(api.invokeMember("lintToJson", xml), file));
    List<Report> result = new ArrayList<>();
    for (JsonNode report : reports) {
      result.add(new Report(file, report.path("id").asText(null), report.path("rule").asText(),
          report.path("message").asText(), report.path("category").asText()));
    }
    return result;
  }

  /** What the bundle was built from: {@code versions} (npm package → version), {@code bpmnlintrc}, {@code rules}. */
  JsonNode buildInfo() {
    return read(api.invokeMember("buildInfoJson").asString());
  }

  @Override
  public void close() {
    context.close();
  }

  /**
   * bpmn-moddle's {@code fromXML} and the Linter answer with promises. Nothing in them waits for a timer
   * or I/O, so GraalJS settles them in the job queue it runs when the call into JavaScript returns;
   * {@code then} hands the result back to Java.
   */
  private static String settle(Value promise, String file) {
    CompletableFuture<String> result = new CompletableFuture<>();
    promise.invokeMember("then",
        (ProxyExecutable) arguments -> result.complete(arguments[0].asString()),
        (ProxyExecutable) arguments -> result.completeExceptionally(
            new IllegalStateException("bpmnlint failed on " + file + ": " + arguments[0])));
    if (!result.isDone()) {
      throw new IllegalStateException("bpmnlint did not settle on " + file + ": the bundle waits for something"
          + " GraalJS does not run (a timer?)");
    }
    return result.join();
  }

  private static String bundle() {
    try (InputStream in = BpmnLint.class.getResourceAsStream(BUNDLE)) {
      if (in == null) {
        throw new IllegalStateException(BUNDLE + " is missing: run tools/bpmnlint/build.sh");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
