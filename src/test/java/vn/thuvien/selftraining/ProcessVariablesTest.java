package vn.thuvien.selftraining;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.thuvien.selftraining.system.ProcessVariable;
import vn.thuvien.selftraining.training.CampaignVariables;

/**
 * Every process variable has one owner: a {@link ProcessVariable} in a model's constants class (or
 * {@link CampaignVariables} for those every model carries). The code reads and writes variables
 * through them, and the models name only declared variables, so a variable renamed on one side fails
 * here rather than at run time.
 */
class ProcessVariablesTest {

  static final List<Class<?>> OWNERS = new ArrayList<>(ModelConventionsTest.CONSTANTS);

  static {
    OWNERS.add(CampaignVariables.class);
  }

  /** Name → the one declaration of that name. */
  static Map<String, ProcessVariable<?>> declared() throws IllegalAccessException {
    Map<String, ProcessVariable<?>> byName = new HashMap<>();
    List<String> twice = new ArrayList<>();
    for (Class<?> owner : OWNERS) {
      for (Field field : owner.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof ProcessVariable<?> variable) {
          ProcessVariable<?> earlier = byName.putIfAbsent(variable.name(), variable);
          if (earlier != null && earlier != variable) {
            twice.add(owner.getSimpleName() + "." + field.getName() + " declares \"" + variable.name() + "\" again");
          }
        }
      }
    }
    assertThat(twice).as("variables declared twice instead of shared").isEmpty();
    return byName;
  }

  @Test
  void everyVariableIsDeclaredOnce() throws Exception {
    assertThat(declared()).containsKeys("schoolYear", "unitCode", "districtCode", "personId");
  }

  @Test
  void theCodeReadsAndWritesVariablesOnlyThroughTheirDeclarations() throws IOException {
    // a name spelled at the call, or a name constant used to reach round the typed variable
    Pattern raw = Pattern.compile("\\b(?!context\\.)\\w+\\.(?:get|set|remove)Variable(?:Local|Typed)?\\((\"|(?:\\w+\\.)?VAR_)");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (raw.matcher(lines.get(i)).find()) {
            found.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    assertThat(found).as("variables reached by name instead of through their ProcessVariable").isEmpty();
  }

  @Test
  void theModelsNameOnlyDeclaredVariables() throws Exception {
    Set<String> declared = declared().keySet();
    Pattern[] namings = {
        Pattern.compile("camunda:(?:in|out) [^>]*?\\b(?:source|target)=\"(\\w+)\""),
        Pattern.compile("camunda:(?:in|out) [^>]*?\\btarget=\"(\\w+)\""),
        Pattern.compile("camunda:(?:elementVariable|initiator)=\"(\\w+)\""),
        Pattern.compile("(?<!delegateExpression=\")\\$\\{(\\w+)}")};
    Set<String> unknown = new TreeSet<>();
    int named = 0;
    for (Path model : ModelConventionsTest.models()) {
      String xml = Files.readString(model);
      for (Pattern naming : namings) {
        Matcher matcher = naming.matcher(xml);
        while (matcher.find()) {
          named++;
          if (!declared.contains(matcher.group(1))) {
            unknown.add(model.getFileName() + ": " + matcher.group(1));
          }
        }
      }
    }
    assertThat(named).as("variables the models name").isGreaterThan(20);
    assertThat(unknown).as("variables the models name that no constants class declares").isEmpty();
  }
}
