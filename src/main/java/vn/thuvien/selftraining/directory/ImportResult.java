package vn.thuvien.selftraining.directory;

/**
 * What an accepted import changed. A re-import of the same file changes nothing: all zero.
 * Reactivated units and people count as updated.
 */
public record ImportResult(String scope, int unitsCreated, int unitsUpdated, int unitsDeactivated,
    int peopleCreated, int peopleUpdated, int peopleDeactivated) {

  public boolean unchanged() {
    return unitsCreated + unitsUpdated + unitsDeactivated + peopleCreated + peopleUpdated
        + peopleDeactivated == 0;
  }

  /** Vietnamese summary shown to the importer. */
  public String message() {
    if (unchanged()) {
      return "Đã nhập danh bạ: không có gì thay đổi, dữ liệu trong tệp trùng với danh bạ hiện có.";
    }
    return "Đã nhập danh bạ. Đơn vị: " + unitsCreated + " thêm mới, " + unitsUpdated + " cập nhật, "
        + unitsDeactivated + " ngừng hoạt động. Nhân sự: " + peopleCreated + " thêm mới, "
        + peopleUpdated + " cập nhật, " + peopleDeactivated + " ngừng hoạt động.";
  }
}
