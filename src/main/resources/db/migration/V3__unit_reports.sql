-- What each level sent upward: a school's report to its Phòng (or to the Sở), a Phòng's
-- aggregated report to the Sở, the Sở's consolidation. Figures are recomputed from the records
-- by SQL; the summary kept here is what the sender saw and confirmed.
CREATE TABLE unit_report (
    school_year  VARCHAR(9)     NOT NULL,
    unit_code    VARCHAR(64)    NOT NULL,
    report_level VARCHAR(16)    NOT NULL,
    status       VARCHAR(16)    NOT NULL,
    due_at       TIMESTAMP,
    reported_at  TIMESTAMP,
    reported_by  VARCHAR(64),
    on_time      BOOLEAN,
    note         VARCHAR(4000),
    summary      VARCHAR(20000),
    PRIMARY KEY (school_year, unit_code)
);
