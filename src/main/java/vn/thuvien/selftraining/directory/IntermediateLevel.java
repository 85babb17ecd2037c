package vn.thuvien.selftraining.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The level between the Sở and the schools, as the directory names it. The letter of 2017 knew one
 * kind, the Phòng GD&ĐT of each district; since 01/07/2025 the communes (UBND xã, phường, đặc khu)
 * manage preschools, primary and lower-secondary schools, and a province may still keep an office
 * of its own. A unit of type {@link UnitType#DISTRICT_OFFICE} carries the label its import gave;
 * everything a person reads names the level by these labels, never by a fixed word.
 */
public final class IntermediateLevel {

  /** "Loại đơn vị" texts recognised as an intermediate unit, as they are printed. */
  public static final List<String> KNOWN = List.of("UBND xã", "UBND phường", "UBND đặc khu", "Phòng GD&ĐT");

  /** Declares any other kind: "Cấp trung gian: Cụm trường" makes a unit of the label "Cụm trường". */
  public static final String DECLARED_PREFIX = "Cấp trung gian:";

  /** How the level is called when the directory has none (or to explain it in a message). */
  public static final String GENERIC = "cấp trung gian";

  private static final int MAX_LABEL = 100;

  private IntermediateLevel() {
  }

  /**
   * The label a "Loại đơn vị" text gives an intermediate unit: one of {@link #KNOWN} as it is
   * printed there, or what follows {@link #DECLARED_PREFIX}; empty when the text is not one.
   */
  public static Optional<String> parse(String text) {
    String wanted = Text.lower(text);
    for (String known : KNOWN) {
      if (Text.lower(known).equals(wanted)) {
        return Optional.of(known);
      }
    }
    String cleaned = Text.clean(text);
    String prefix = Text.lower(DECLARED_PREFIX);
    if (Text.lower(cleaned).startsWith(prefix)) {
      String label = cleaned.substring(DECLARED_PREFIX.length()).strip();
      if (!label.isEmpty() && label.length() <= MAX_LABEL) {
        return Optional.of(label);
      }
    }
    return Optional.empty();
  }

  /**
   * One name for several labels, as a heading reads: labels sharing their first word said once
   * ("UBND xã/phường/đặc khu"), groups joined by commas ("UBND xã/phường, Phòng GD&ĐT"); {@link #GENERIC}
   * for none.
   */
  public static String collective(Collection<String> labels) {
    Set<String> distinct = new LinkedHashSet<>();
    KNOWN.stream().filter(labels::contains).forEach(distinct::add);
    labels.stream().filter(l -> l != null && !l.isBlank()).sorted().forEach(distinct::add);
    if (distinct.isEmpty()) {
      return GENERIC;
    }
    if (distinct.size() == 1) {
      return distinct.iterator().next();
    }
    // labels sharing their first word are said once: "UBND xã/phường/đặc khu"
    Map<String, List<String>> byFirstWord = new LinkedHashMap<>();
    for (String label : distinct) {
      String first = firstWord(label);
      byFirstWord.computeIfAbsent(first == null ? label : first, k -> new ArrayList<>()).add(label);
    }
    List<String> parts = new ArrayList<>();
    byFirstWord.forEach((first, group) -> parts.add(group.size() == 1 ? group.get(0)
        : first + " " + String.join("/", group.stream().map(l -> l.substring(first.length()).strip()).toList())));
    return String.join(", ", parts);
  }

  /** For error messages: every accepted text. */
  public static String accepted() {
    return String.join(", ", KNOWN) + " hoặc \"" + DECLARED_PREFIX + " <tên loại>\"";
  }

  private static String firstWord(String label) {
    int space = label.indexOf(' ');
    return space < 0 ? null : label.substring(0, space);
  }
}
