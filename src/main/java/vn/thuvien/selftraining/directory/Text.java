package vn.thuvien.selftraining.directory;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as it arrives from spreadsheets. Names typed in different tools mix composed and
 * decomposed Vietnamese diacritics, so every value is NFC-normalised before it is compared or
 * stored; spaces (including non-breaking ones Excel likes) are trimmed and collapsed.
 */
final class Text {

  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\uFEFF]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Text() {
  }

  /** NFC, trimmed, inner runs of spaces collapsed to one; {@code null} becomes "". */
  static String clean(String value) {
    if (value == null) {
      return "";
    }
    String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
    return SPACES.matcher(nfc).replaceAll(" ").strip();
  }

  /** Case-insensitive comparison form of a value: {@link #clean} and lower case. */
  static String lower(String value) {
    return clean(value).toLowerCase(Locale.ROOT);
  }

  /**
   * Loose form for recognising headers and sheet names: case and diacritics ignored
   * ("Mã đơn vị", "MÃ ĐƠN VỊ" and "ma don vi" are the same column).
   */
  static String key(String value) {
    String decomposed = Normalizer.normalize(clean(value), Normalizer.Form.NFD);
    return MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D')
        .toLowerCase(Locale.ROOT);
  }
}
