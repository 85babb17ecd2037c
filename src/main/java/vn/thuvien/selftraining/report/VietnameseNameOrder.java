package vn.thuvien.selftraining.report;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;

/**
 * The order of a Vietnamese list of people: by given name (the last word), then by family and
 * middle names, as the language sorts letters (a, ă, â, …, d, đ, …; tones after the letter),
 * whatever Unicode form the names were typed in; the person code breaks a tie, so two people with
 * the same name always come in the same order.
 */
final class VietnameseNameOrder {

  /** Rows of one unit, by name as above, then code. */
  static final Comparator<PersonRow> PEOPLE = Comparator
      .comparing((PersonRow p) -> sortKey(p.fullName()), VietnameseNameOrder::compareKeys)
      .thenComparing(PersonRow::personId, Comparator.nullsLast(Comparator.naturalOrder()));

  private static final ThreadLocal<Collator> COLLATOR = ThreadLocal.withInitial(() -> {
    Collator collator = Collator.getInstance(Locale.forLanguageTag("vi-VN"));
    collator.setStrength(Collator.TERTIARY);
    collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
    return collator;
  });

  private VietnameseNameOrder() {
  }

  /** The given name, then the rest: "Nguyễn Thị Lan" → {"Lan", "Nguyễn Thị"}. */
  static String[] sortKey(String fullName) {
    String name = fullName == null ? "" : Normalizer.normalize(fullName, Normalizer.Form.NFC).strip()
        .replaceAll("\\s+", " ");
    int space = name.lastIndexOf(' ');
    return space < 0 ? new String[] {name, ""} : new String[] {name.substring(space + 1), name.substring(0, space)};
  }

  private static int compareKeys(String[] a, String[] b) {
    Collator collator = COLLATOR.get();
    int given = collator.compare(a[0], b[0]);
    return given != 0 ? given : collator.compare(a[1], b[1]);
  }
}
