package vn.thuvien.selftraining.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;


/**
 * What a person may send to Camunda's REST API (Tasklist's {@code /camunda/api/engine} and
 * {@code /engine-rest}), checked before the engine sees it:
 * <ul>
 *   <li>completing a task or starting a process through a form carries only that form's fields,
 *   as its {@code <form data-fields="...">} lists them (forms/*.html). Anything else, above all the
 *   variables that route the work (school year, unit, person, Phòng, who raised a concern), is
 *   refused with 400 naming the fields, and nothing is stored: a librarian sending
 *   {@code unitCode = "THCS-PHUHUNG,participants"} with her plan once made the principal's
 *   evaluation a task of every participant;</li>
 *   <li>writing variables outside a form, adding people or groups to a task, delegating it,
 *   creating tasks, correlating messages or signals, or modifying an instance: administrators
 *   only (403 for everyone else).</li>
 * </ul>
 * Runs after Camunda's own authentication; requests it cannot place pass unchanged.
 */
public class EngineRequestGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRequestGuard.class);

  /** A form-encoded JSON body larger than this is no form of ours (a 10 MB report is ~14 MB as JSON). */
  static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

  private static final Pattern REST_ROOT = Pattern.compile("^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)$");
  private static final Pattern TASK_COMPLETION = Pattern.compile("^/task/([^/]+)/(?:submit-form|complete|resolve)$");
  private static final Pattern START = Pattern.compile(
      "^/process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(?:submit-form|start)$");
  private static final Pattern ADMIN_ONLY_WRITES = Pattern.compile("^(?:"
      + "/(?:task|process-instance|execution|case-instance|case-execution)/[^/]+/(?:variables|localVariables)(?:/.*)?"
      + "|/task/[^/]+/identity-links(?:/delete)?|/task/[^/]+/delegate|/task/create|/task/[^/]+/?$"
      + "|/message(?:/.*)?|/signal|/condition|/process-instance/[^/]+/modification(?:-async)?)$");
  private static final Pattern FIELDS = Pattern.compile("<form\\b[^>]*\\sdata-fields=\"([^\"]*)\"");
  private static final String EMBEDDED = "embedded:deployment:";

  private final ProcessEngine engine;
  private final long maxFileBytes;
  /** Reads a form's JSON whatever its size up to {@link #MAX_BODY_BYTES} (a file is one long string). */
  private final ObjectMapper json = JsonMapper.builder(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_BODY_BYTES).build()).build()).build();
  /** Fields per deployed form, by deployment id and resource name: deployed resources never change. */
  private final Map<String, Set<String>> formFields = new ConcurrentHashMap<>();

  public EngineRequestGuard(ProcessEngine engine, long maxFileBytes) {
    this.engine = engine;
    this.maxFileBytes = maxFileBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher root = REST_ROOT.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    String method = request.getMethod();
    if (!root.matches() || "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
      chain.doFilter(request, response);
      return;
    }
    String path = root.group(1);
    Matcher task = TASK_COMPLETION.matcher(path);
    Matcher start = START.matcher(path);
    if ("POST".equals(method) && (task.matches() || start.matches())) {
      byte[] body = readBody(request);
      if (body == null) {
        refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
            "Yêu cầu quá lớn (tối đa " + MAX_BODY_BYTES / (1024 * 1024) + " MB); không có gì được lưu.");
        return;
      }
      Target target = task.matches() ? taskForm(task.group(1)) : startForm(start.group(1), start.group(2));
      JsonNode variables = variables(body);
      if (target == null || variables == null) {
        // not found or not visible to the caller, or no JSON: Camunda answers that itself
        chain.doFilter(new CachedBodyRequest(request, body), response);
        return;
      }
      String form = target.form();
      List<String> foreign = foreignFields(variables, form);
      if (!foreign.isEmpty()) {
        LOG.info("Request refused ({} {} by {}): fields {} are not in {}", method, request.getRequestURI(),
            user(request), foreign, form == null ? "any form" : form);
        refuse(response, HttpServletResponse.SC_BAD_REQUEST, foreignMessage(foreign));
        return;
      }
      String oversized = oversizedFile(variables);
      if (oversized != null) {
        LOG.info("Request refused ({} {} by {}): {}", method, request.getRequestURI(), user(request), oversized);
        refuse(response, HttpServletResponse.SC_BAD_REQUEST, oversized);
        return;
      }
      chain.doFilter(new CachedBodyRequest(request, body), response);
      return;
    }
    if (ADMIN_ONLY_WRITES.matcher(path).matches() && !isAdmin(request)) {
      LOG.info("Request refused ({} {} by {}): administrators only", method, request.getRequestURI(), user(request));
      refuse(response, HttpServletResponse.SC_FORBIDDEN, "Chỉ quản trị hệ thống được thay đổi dữ liệu của quy trình "
          + "ngoài biểu mẫu (biến, người hoặc nhóm được giao việc, chuyển việc); không có gì được lưu.");
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * Reads a deployed form as the system: a participant may not read deployments, yet her task's
   * form decides what she may send. Whether she may see the task at all is asked as her.
   */
  private <T> T asSystem(java.util.function.Supplier<T> read) {
    var identity = engine.getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null) {
      return read.get();
    }
    identity.clearAuthentication();
    try {
      return read.get();
    } finally {
      identity.setAuthentication(caller);
    }
  }

  /** A task or a process definition that was found, and its form ({@code null}: none). */
  private record Target(String form) {
  }

  /** The task's embedded form; null when the caller cannot see the task. */
  private Target taskForm(String taskId) {
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
    return task == null ? null : new Target(formResource(task.getProcessDefinitionId(), task.getFormKey()));
  }

  private Target startForm(String key, String id) {
    ProcessDefinition definition = key != null
        ? engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
            .withoutTenantId().singleResult()
        : engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(id).singleResult();
    return definition == null ? null
        : new Target(formResource(definition.getId(), engine.getFormService().getStartFormKey(definition.getId())));
  }

  /** "deploymentId|forms/x.html", or null without an embedded form. */
  private String formResource(String definitionId, String formKey) {
    if (formKey == null || !formKey.startsWith(EMBEDDED)) {
      return null;
    }
    String deploymentId = engine.getRepositoryService().getProcessDefinition(definitionId).getDeploymentId();
    return deploymentId + "|" + formKey.substring(EMBEDDED.length());
  }

  /** The body's {@code variables}, read once for every check; null for an empty or malformed body. */
  private JsonNode variables(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return json.readTree(body).path("variables");
    } catch (IOException malformed) {
      return null;
    }
  }

  /** Names of the submitted variables the form does not have, in the order sent. */
  private List<String> foreignFields(JsonNode variables, String form) {
    Set<String> allowed = form == null ? Set.of()
        : formFields.computeIfAbsent(form, name -> asSystem(() -> readFields(name)));
    List<String> foreign = new ArrayList<>();
    for (Iterator<String> names = variables.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        foreign.add(name);
      }
    }
    return foreign;
  }

  /**
   * The Vietnamese refusal of a file larger than the limit, or null. Checked here, before the engine
   * decodes it: a file far over the limit otherwise failed deep in the JSON reader with an empty
   * message.
   */
  private String oversizedFile(JsonNode variables) {
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      JsonNode value = variable.getValue();
      if (!"file".equalsIgnoreCase(value.path("type").asText()) || !value.path("value").isTextual()) {
        continue;
      }
      long bytes = value.path("value").asText().length() * 3L / 4;
      if (bytes > maxFileBytes) {
        String name = value.path("valueInfo").path("filename").asText(variable.getKey());
        return "Tệp \"" + name + "\" có dung lượng khoảng " + megabytes(bytes) + ", vượt quá giới hạn "
            + megabytes(maxFileBytes) + "; không có gì được lưu.";
      }
    }
    return null;
  }

  private static String megabytes(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0)).replace('.', ',');
  }

  private Set<String> readFields(String form) {
    int bar = form.indexOf('|');
    try (InputStream in = engine.getRepositoryService().getResourceAsStream(form.substring(0, bar),
        form.substring(bar + 1))) {
      Matcher matcher = FIELDS.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (!matcher.find()) {
        return Set.of();
      }
      return new LinkedHashSet<>(Arrays.stream(matcher.group(1).trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read form " + form, e);
    }
  }

  static String foreignMessage(List<String> foreign) {
    StringBuilder names = new StringBuilder();
    for (String name : foreign) {
      names.append(names.length() == 0 ? "" : ", ").append('"').append(name).append('"');
    }
    return (foreign.size() == 1 ? "Trường " : "Các trường ") + names
        + " không thuộc biểu mẫu của việc này; yêu cầu bị từ chối, không có gì được lưu.";
  }

  private boolean isAdmin(HttpServletRequest request) {
    Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
    if (authentication != null) {
      return authentication.getGroupIds() != null && authentication.getGroupIds().contains(Groups.ADMINS);
    }
    CurrentUser session = ApiAuthenticationFilter.sessionUser(request.getSession(false), engine);
    return session != null && session.isAdmin();
  }

  private String user(HttpServletRequest request) {
    Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
    if (authentication != null) {
      return authentication.getUserId();
    }
    CurrentUser session = ApiAuthenticationFilter.sessionUser(request.getSession(false), engine);
    return session == null ? "anonymous" : session.userId();
  }



  /** The whole body, or null when it is larger than {@link #MAX_BODY_BYTES}. */
  private static byte[] readBody(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      return null;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }

  private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
    JsonAnswer.write(response, status,
        status == HttpServletResponse.SC_FORBIDDEN ? "AuthorizationException" : "InvalidRequestException", message);
  }


  @Configuration
  static class Registration {
    @Bean
    FilterRegistrationBean<EngineRequestGuard> engineRequestGuard(ProcessEngine engine, SelfTrainingProperties properties) {
      FilterRegistrationBean<EngineRequestGuard> registration = new FilterRegistrationBean<>(
          new EngineRequestGuard(engine, properties.report().maxSize().toBytes()));
      registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
      // after Camunda's HTTP Basic authentication of /engine-rest (order 101), so the engine knows the caller
      registration.setOrder(110);
      return registration;
    }
  }
}
