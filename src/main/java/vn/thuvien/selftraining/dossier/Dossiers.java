package vn.thuvien.selftraining.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.thuvien.selftraining.directory.CampaignStructure;
import vn.thuvien.selftraining.training.ParticipantStatus;
import vn.thuvien.selftraining.training.Phase;

/** Reads dossiers from the domain tables; the unit and the Sở as the campaign recorded them at launch. */
@Repository
public class Dossiers {

  private final JdbcTemplate jdbc;
  private final CampaignStructure structure;

  public Dossiers(JdbcTemplate jdbc, CampaignStructure structure) {
    this.jdbc = jdbc;
    this.structure = structure;
  }

  /** Who a dossier belongs to, and where: enough to decide who may read it. */
  public record Owner(long recordId, String schoolYear, String unitCode, String personId, String personName) {
  }

  public Optional<Owner> owner(long recordId) {
    return jdbc.query("SELECT id, school_year, unit_code, person_id, person_name FROM participant_record WHERE id = ?",
        (rs, n) -> new Owner(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
        recordId).stream().findFirst();
  }

  /** Every dossier of one person, newest school year first: their own copies, including past years. */
  public List<Owner> ofPerson(String personId) {
    return jdbc.query("SELECT id, school_year, unit_code, person_id, person_name FROM participant_record "
            + "WHERE person_id = ? ORDER BY school_year DESC, id",
        (rs, n) -> new Owner(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
        personId);
  }

  public Optional<Dossier> find(long recordId) {
    List<Dossier> found = jdbc.query("""
        SELECT r.*, c.letter_number,
               f.id AS f_id, f.file_name AS f_name, f.mime_type AS f_type, f.size_bytes AS f_size,
               f.sha256 AS f_sha256, f.submitted_at AS f_at
        FROM participant_record r
        LEFT JOIN campaign c ON c.school_year = r.school_year
        LEFT JOIN report_file f ON f.id = r.report_file_id
        WHERE r.id = ?""", (rs, n) -> map(rs), recordId);
    return found.stream().findFirst();
  }

  private Dossier map(ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    String year = rs.getString("school_year");
    String unitCode = rs.getString("unit_code");
    Optional<CampaignStructure.Unit> unit = structure.unit(year, unitCode);
    CampaignStructure.Header header = structure.header(year);
    Dossier.Essay essay = rs.getObject("f_id") == null ? null : new Dossier.Essay(rs.getLong("f_id"),
        rs.getString("f_name"), rs.getString("f_type"), rs.getLong("f_size"), rs.getString("f_sha256"),
        time(rs.getTimestamp("f_at")));
    return new Dossier(id, year, rs.getString("letter_number"), header.departmentName(), header.superiorBody(),
        unitCode, unit.map(CampaignStructure.Unit::name).orElseGet(() -> structure.name(year, unitCode)),
        unit.map(CampaignStructure.Unit::districtName).orElse(null),
        rs.getString("person_id"), rs.getString("person_name"),
        ParticipantStatus.valueOf(rs.getString("status")).label(),
        rs.getString("plan_materials"), rs.getString("plan_schedule"), rs.getString("plan_method"),
        rs.getString("common_part_notes"), rs.getString("topic"), rs.getString("optional_part_notes"),
        rs.getString("report_title"), essay, rs.getBigDecimal("score"), rs.getString("classification"),
        rs.getString("evaluation_comment"), rs.getString("evaluated_by"), time(rs.getTimestamp("evaluated_at")),
        returns(id), phases(id));
  }

  private List<Dossier.Return> returns(long recordId) {
    return jdbc.query("SELECT returned_at, returned_by, reason FROM report_return WHERE record_id = ? ORDER BY id",
        (rs, n) -> new Dossier.Return(time(rs.getTimestamp(1)), rs.getString(2), rs.getString(3)), recordId);
  }

  private List<Dossier.PhaseLine> phases(long recordId) {
    Map<String, Dossier.PhaseLine> recorded = new HashMap<>();
    jdbc.query("SELECT phase, due_at, completed_at, on_time FROM participant_phase WHERE record_id = ?", rs -> {
      Phase phase = Phase.valueOf(rs.getString(1));
      recorded.put(phase.name(), new Dossier.PhaseLine(phase.label(), time(rs.getTimestamp(2)),
          time(rs.getTimestamp(3)), (Boolean) rs.getObject(4, Boolean.class)));
    }, recordId);
    return Arrays.stream(Phase.values())
        .map(p -> recorded.getOrDefault(p.name(), new Dossier.PhaseLine(p.label(), null, null, null)))
        .toList();
  }

  private static LocalDateTime time(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toLocalDateTime();
  }
}
