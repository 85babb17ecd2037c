package vn.thuvien.selftraining.directory;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One row of the import log.
 *
 * @param scope     {@code ALL} or the code of the importer's Phòng GD&ĐT
 * @param scopeName "Toàn bộ danh bạ" or the Phòng's name
 * @param status    {@code SUCCEEDED} or {@code REJECTED}
 * @param errors    a rejection's errors as shown to the importer
 */
public record ImportLogEntry(long id, String importedBy, LocalDateTime importedAt, String fileNames,
    String scope, String scopeName, String status, int unitsCreated, int unitsUpdated,
    int unitsDeactivated, int peopleCreated, int peopleUpdated, int peopleDeactivated,
    List<String> errors) {

  public static final String SUCCEEDED = "SUCCEEDED";
  public static final String REJECTED = "REJECTED";
}
