package vn.thuvien.selftraining.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The {@code directory_import} table: who imported what, when, for which scope, and the outcome. */
@Repository
public class DirectoryImportLog {

  static final int RECENT = 50;
  private static final int MAX_ERRORS_TEXT = 20000;
  private static final int MAX_FILE_NAMES = 1000;

  private final JdbcTemplate jdbc;
  private final Directory directory;
  private final Clock clock;

  public DirectoryImportLog(JdbcTemplate jdbc, Directory directory, Clock clock) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.clock = clock;
  }

  /** Written in the import's own transaction: an import that fails later leaves no trace. */
  public void recordSucceeded(String importedBy, List<String> fileNames, ImportScope scope, ImportResult result) {
    insert(importedBy, fileNames, scope, ImportLogEntry.SUCCEEDED, result, null);
  }

  /** Written in a transaction of its own, so that it survives the rollback of the rejected import. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordRejected(String importedBy, List<String> fileNames, ImportScope scope, List<ImportError> errors) {
    String text = errors.stream().map(ImportError::describe).collect(Collectors.joining("\n"));
    insert(importedBy, fileNames, scope, ImportLogEntry.REJECTED, new ImportResult(scope.code(), 0, 0, 0, 0, 0, 0),
        truncate(text, MAX_ERRORS_TEXT));
  }

  /** The latest imports, newest first: all of them, or those of one scope ({@code ALL} or a Phòng's code). */
  public List<ImportLogEntry> recent(String scopeOrNullForAll) {
    String sql = "SELECT * FROM directory_import " + (scopeOrNullForAll == null ? "" : "WHERE scope = ? ")
        + "ORDER BY imported_at DESC, id DESC FETCH FIRST " + RECENT + " ROWS ONLY";
    return scopeOrNullForAll == null ? jdbc.query(sql, this::map) : jdbc.query(sql, this::map, scopeOrNullForAll);
  }

  private void insert(String importedBy, List<String> fileNames, ImportScope scope, String status,
      ImportResult result, String errors) {
    jdbc.update("""
        INSERT INTO directory_import (imported_by, imported_at, file_names, scope, status, units_created,
          units_updated, units_deactivated, people_created, people_updated, people_deactivated, errors)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        importedBy, Timestamp.valueOf(LocalDateTime.now(clock)), truncate(String.join(", ", fileNames), MAX_FILE_NAMES),
        scope.code(), status, result.unitsCreated(), result.unitsUpdated(), result.unitsDeactivated(),
        result.peopleCreated(), result.peopleUpdated(), result.peopleDeactivated(), errors);
  }

  private ImportLogEntry map(ResultSet rs, int row) throws SQLException {
    String scope = rs.getString("scope");
    String errors = rs.getString("errors");
    return new ImportLogEntry(rs.getLong("id"), rs.getString("imported_by"),
        rs.getTimestamp("imported_at").toLocalDateTime(), rs.getString("file_names"), scope,
        ImportScope.ALL_CODE.equals(scope) ? "Toàn bộ danh bạ" : directory.unitName(scope),
        rs.getString("status"), rs.getInt("units_created"), rs.getInt("units_updated"),
        rs.getInt("units_deactivated"), rs.getInt("people_created"), rs.getInt("people_updated"),
        rs.getInt("people_deactivated"), errors == null ? List.of() : Arrays.asList(errors.split("\n")));
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
