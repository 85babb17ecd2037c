package vn.thuvien.selftraining.dossier;

/** Names of downloaded files: person code and name as people read them, without path characters. */
public final class FileNames {

  private FileNames() {
  }

  /** {@code nv.lan - Nguyễn Thị Lan}: code first, so that a folder sorts and matches the directory. */
  public static String person(String personId, String personName) {
    String name = personName == null || personName.isBlank() ? "" : " - " + personName.strip();
    return safe(personId + name);
  }

  /** Replaces what no file system accepts in a name (and control characters) by {@code _}. */
  public static String safe(String name) {
    return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
  }

  /** The extension of an uploaded file name, with its dot, lower case; empty when there is none. */
  public static String extension(String fileName) {
    int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot).toLowerCase(java.util.Locale.ROOT);
  }
}
