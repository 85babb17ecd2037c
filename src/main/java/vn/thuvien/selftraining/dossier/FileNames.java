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
}
