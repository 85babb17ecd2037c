package vn.thuvien.selftraining.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Vietnamese translation of Camunda's web applications ({@code locales/vi.json} under
 * {@code src/main/resources/META-INF/resources/webjars/camunda/app/<app>/}) against the English
 * file of the Camunda webjar on the classpath: the same keys, the same placeholders, really
 * Vietnamese; and each app's {@code scripts/config.js} choosing it. A Camunda upgrade that adds
 * labels fails here, listing them, instead of showing label keys to a librarian.
 */
class VietnameseLocaleTest {

  static final Path APPS = Path.of("src/main/resources/META-INF/resources/webjars/camunda/app");

  /** A letter only Vietnamese (among the languages Camunda's labels could be left in) writes. */
  static final Pattern VIETNAMESE_LETTER = Pattern.compile(
      "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** An AngularJS interpolation in a label, e.g. {@code {{ count }}}: filled in at run time. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.+?)\\s*}}");

  private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void vietnameseHasExactlyTheKeysOfTheWebjarsEnglish(String app) throws IOException {
    Map<String, String> english = flatten(english(app));
    Map<String, String> vietnamese = flatten(vietnamese(app));

    Set<String> missing = new TreeSet<>(english.keySet());
    missing.removeAll(vietnamese.keySet());
    Set<String> extra = new TreeSet<>(vietnamese.keySet());
    extra.removeAll(english.keySet());

    assertThat(missing).as("%s: keys of Camunda's en.json missing from %s (%d): %s", app, viPath(app),
        missing.size(), missing).isEmpty();
    assertThat(extra).as("%s: keys of %s that Camunda's en.json does not have (%d): %s", app, viPath(app),
        extra.size(), extra).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyPlaceholderOfTheEnglishLabelIsKept(String app) throws IOException {
    Map<String, String> english = flatten(english(app));
    Map<String, String> vietnamese = flatten(vietnamese(app));

    List<String> lost = new ArrayList<>();
    english.forEach((key, value) -> {
      String translated = vietnamese.get(key);
      if (translated == null) {
        return; // reported by the test of the keys
      }
      Set<String> kept = placeholders(translated);
      for (String placeholder : placeholders(value)) {
        if (!kept.contains(placeholder)) {
          lost.add(key + " lacks {{" + placeholder + "}}");
        }
      }
    });

    assertThat(lost).as("%s: placeholders lost in %s (%d): %s", app, viPath(app), lost.size(), lost).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void labelsAreReallyVietnamese(String app) throws IOException {
    Map<String, String> english = flatten(english(app).path("labels"));
    Map<String, String> vietnamese = flatten(vietnamese(app).path("labels"));

    int labels = 0;
    int withVietnameseLetters = 0;
    List<String> untranslated = new ArrayList<>();
    for (Map.Entry<String, String> label : vietnamese.entrySet()) {
      String value = label.getValue();
      if (value.isBlank() || PLACEHOLDER.matcher(value).replaceAll("").isBlank()) {
        continue; // nothing to translate
      }
      labels++;
      boolean vietnameseLetters = VIETNAMESE_LETTER.matcher(value).find();
      if (vietnameseLetters) {
        withVietnameseLetters++;
      } else if (value.equals(english.get(label.getKey()))) {
        untranslated.add(label.getKey() + "=" + value);
      }
    }

    // Names such as "BPMN", "ID" or "Camunda" legitimately stay as they are, so a little English
    // is allowed; a copy of en.json is not.
    assertThat(labels).as("%s: labels in %s", app, viPath(app)).isPositive();
    assertThat(untranslated.size()).as("%s: labels of %s still equal to the English (%d of %d): %s", app,
        viPath(app), untranslated.size(), labels, untranslated).isLessThanOrEqualTo(labels / 10);
    assertThat(withVietnameseLetters).as("%s: labels of %s written with Vietnamese letters", app, viPath(app))
        .isGreaterThanOrEqualTo(labels / 2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void datesAreDayMonthYearWithVietnameseNames(String app) throws IOException {
    JsonNode english = english(app).path("dateLocales");
    JsonNode dates = vietnamese(app).path("dateLocales");

    assertThat(dates.at("/longDateFormat/L").asText()).as("%s: dateLocales.longDateFormat.L", app)
        .isEqualTo("DD/MM/YYYY");
    assertThat(dates.at("/longDateFormat/LT").asText()).as("%s: dateLocales.longDateFormat.LT", app)
        .isEqualTo("HH:mm");
    assertThat(dates.path("months").toString()).as("%s: dateLocales.months", app)
        .isNotEqualTo(english.path("months").toString());
    assertThat(dates.path("weekdays").toString()).as("%s: dateLocales.weekdays", app)
        .isNotEqualTo(english.path("weekdays").toString());
  }

  /**
   * vi-locale.js gives moment the Vietnamese dates before any locale file has arrived (and keeps
   * en.json's from replacing them): its copy must be what each app's vi.json says.
   */
  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void viLocaleJsStartsWithTheDatesOfViJson(String app) throws IOException {
    String module = Files.readString(APPS.resolve("vi-locale.js"), StandardCharsets.UTF_8);
    Matcher copy = Pattern.compile("var VIETNAMESE_DATES = (?=\\{)").matcher(module);
    assertThat(copy.find()).as("var VIETNAMESE_DATES = {...} in vi-locale.js").isTrue();
    // the object literal is written as JSON; the parser stops at its closing brace
    JsonNode dates;
    try (JsonParser parser = json.createParser(module.substring(copy.end()))) {
      dates = json.readTree(parser);
    }

    assertThat(dates).as("VIETNAMESE_DATES in vi-locale.js against %s's dateLocales", viPath(app))
        .isEqualTo(vietnamese(app).path("dateLocales"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configurationChoosesVietnameseWhateverTheBrowsersLanguage(String app) throws IOException {
    Path config = APPS.resolve(app).resolve("scripts/config.js");
    assertThat(config).as("our override of %s's config.js", app).exists();
    String code = withoutComments(Files.readString(config, StandardCharsets.UTF_8));

    // each app takes the shared part (app/vietnamese.js), nothing of its own overriding it
    assertThat(code).as("%s: imports and spreads app/vietnamese.js", app)
        .contains("import {vietnamese} from '../../vietnamese.js';")
        .contains("...vietnamese")
        .doesNotContainPattern("\\blocales\\s*:")
        .doesNotContainPattern("\\brequireJsConfig\\s*:");
    String shared = withoutComments(Files.readString(APPS.resolve("vietnamese.js"), StandardCharsets.UTF_8));

    // Both languages served, English filling any label our file lacks (never a bare key)...
    Matcher available = Pattern.compile("availableLocales\\s*:\\s*\\[([^\\]]*)]").matcher(shared);
    assertThat(available.find()).as("locales.availableLocales in app/vietnamese.js").isTrue();
    assertThat(available.group(1).replaceAll("[\\s\"']", "")).as("availableLocales").isEqualTo("vi,en");
    Matcher fallback = Pattern.compile("fallbackLocale\\s*:\\s*['\"](\\w+)['\"]").matcher(shared);
    assertThat(fallback.find()).as("locales.fallbackLocale in app/vietnamese.js").isTrue();
    assertThat(fallback.group(1)).as("fallbackLocale").isEqualTo("en");
    // ...and Vietnamese chosen whatever the browser's language by our module, loaded by every app
    assertThat(shared).as("requireJsConfig loading ../vi-locale.js")
        .containsPattern("deps\\s*:\\s*\\['vi-locale']")
        .containsPattern("ngDeps\\s*:\\s*\\['cam.vi']")
        .containsPattern("'vi-locale'\\s*:\\s*'\\.\\./vi-locale'");
    String module = withoutComments(Files.readString(APPS.resolve("vi-locale.js"), StandardCharsets.UTF_8));
    assertThat(module).as("vi-locale.js")
        .contains("angular.module('cam.vi'")
        .contains("$translateProvider.preferredLanguage('vi')")
        .contains("normal: 'DD/MM/YYYY HH:mm'")
        .contains("$provide.decorator('localeLoader'");
  }

  private JsonNode english(String app) throws IOException {
    String resource = "/META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json";
    URL url = getClass().getResource(resource);
    assertThat(url).as("Camunda's %s on the test classpath", resource).isNotNull();
    assertThat(url.getProtocol()).as("%s comes from the Camunda webjar: %s", resource, url).isEqualTo("jar");
    try (InputStream in = url.openStream()) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), url.toString());
    }
  }

  private JsonNode vietnamese(String app) throws IOException {
    Path file = viPath(app);
    assertThat(file).as("the Vietnamese translation of %s", app).exists();
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  private static Path viPath(String app) {
    return APPS.resolve(app).resolve("locales/vi.json");
  }

  /** Camunda's locale files start with a byte order mark, which JSON does not allow. */
  private JsonNode parse(String text, String source) throws IOException {
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    try {
      return json.readTree(content);
    } catch (IOException e) {
      throw new IOException("Not valid JSON: " + source + ": " + e.getMessage(), e);
    }
  }

  /** Every leaf of the tree by its path ("labels.COMPLETE", "dateLocales.months.0"). */
  static Map<String, String> flatten(JsonNode node) {
    Map<String, String> leaves = new LinkedHashMap<>();
    flatten(node, "", leaves);
    return leaves;
  }

  private static void flatten(JsonNode node, String path, Map<String, String> leaves) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), leaves);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(node.get(i), path + "." + i, leaves);
      }
    } else {
      leaves.put(path, node.asText());
    }
  }

  static Set<String> placeholders(String value) {
    Set<String> found = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(value);
    while (matcher.find()) {
      found.add(matcher.group(1).replaceAll("\\s+", ""));
    }
    return found;
  }

  /** The code without {@code //} and block comments (the configuration files hold no such text in strings). */
  static String withoutComments(String code) {
    return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "").replaceAll("(?m)\\s//.*$", "");
  }
}
