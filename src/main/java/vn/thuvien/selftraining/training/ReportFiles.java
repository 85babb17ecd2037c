package vn.thuvien.selftraining.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.Date;
import java.util.HexFormat;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code report_file} table: every report submitted, kept beyond the engine's history. */
@Repository
public class ReportFiles {

  private final JdbcTemplate jdbc;

  public ReportFiles(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long store(long recordId, String fileName, String mimeType, byte[] content, Date submittedAt) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement ps = connection.prepareStatement("""
          INSERT INTO report_file (record_id, file_name, mime_type, size_bytes, sha256, content, submitted_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      ps.setLong(1, recordId);
      ps.setString(2, fileName);
      ps.setString(3, mimeType);
      ps.setLong(4, content.length);
      ps.setString(5, sha256(content));
      ps.setBytes(6, content);
      ps.setTimestamp(7, new Timestamp(submittedAt.getTime()));
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }

  public int countFor(long recordId) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM report_file WHERE record_id = ?",
        Integer.class, recordId);
    return count == null ? 0 : count;
  }

  public StoredFile find(long id) {
    return jdbc.queryForObject("SELECT file_name, mime_type, content FROM report_file WHERE id = ?",
        (rs, row) -> new StoredFile(rs.getString("file_name"), rs.getString("mime_type"), rs.getBytes("content")),
        id);
  }

  /** Copies the stored content of file {@code id} into {@code out}, read as a stream from the database. */
  public void copy(long id, OutputStream out) {
    jdbc.query("SELECT content FROM report_file WHERE id = ?", rs -> {
      try (InputStream in = rs.getBinaryStream(1)) {
        in.transferTo(out);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot copy report file " + id, e);
      }
    }, id);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public record StoredFile(String fileName, String mimeType, byte[] content) {
  }
}
