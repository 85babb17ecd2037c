-- The organisation chain as data (two-level local government since 01/07/2025).
-- Written for both H2 and PostgreSQL: only portable types and syntax.

-- What the directory calls an intermediate unit (unit_type DISTRICT_OFFICE, the id kept from the
-- letter's time): 'UBND xã', 'UBND phường', 'UBND đặc khu', 'Phòng GD&ĐT' or a declared label.
ALTER TABLE org_unit ADD COLUMN type_label VARCHAR(100);
UPDATE org_unit SET type_label = 'Phòng GD&ĐT' WHERE unit_type = 'DISTRICT_OFFICE';
-- The Sở's superior body as its documents' header names it ('UBND tỉnh Vĩnh Long'); NULL elsewhere.
ALTER TABLE org_unit ADD COLUMN superior_body VARCHAR(300);

-- Each campaign keeps the structure it was launched with, and its reporting route:
-- THROUGH_INTERMEDIATE (units under an intermediate unit report to it; it aggregates and reports
-- to the Sở) or DIRECT (every unit reports straight to the Sở).
ALTER TABLE campaign ADD COLUMN reporting_route VARCHAR(32) DEFAULT 'THROUGH_INTERMEDIATE' NOT NULL;
ALTER TABLE campaign ADD COLUMN department_code VARCHAR(64);
ALTER TABLE campaign ADD COLUMN department_name VARCHAR(300);
ALTER TABLE campaign ADD COLUMN superior_body VARCHAR(300);

-- One row per unit taking part in a campaign, as the directory was at launch: the chain
-- unit → intermediate unit → Sở (codes and names). Reports, scopes and the processes of the
-- campaign read this, never today's directory.
CREATE TABLE campaign_unit (
    school_year         VARCHAR(9)   NOT NULL,
    unit_code           VARCHAR(64)  NOT NULL,
    unit_name           VARCHAR(300) NOT NULL,
    unit_type           VARCHAR(32)  NOT NULL,
    -- the intermediate unit above it at launch; NULL when directly under the Sở
    district_code       VARCHAR(64),
    district_name       VARCHAR(300),
    district_type_label VARCHAR(100),
    PRIMARY KEY (school_year, unit_code)
);

CREATE INDEX ix_campaign_unit_district ON campaign_unit (school_year, district_code);

-- Campaigns launched before this version ran with the directory as it still is.
UPDATE campaign SET
    department_code = (SELECT MIN(code) FROM org_unit WHERE unit_type = 'DEPARTMENT' AND active = TRUE),
    department_name = (SELECT MIN(name) FROM org_unit WHERE unit_type = 'DEPARTMENT' AND active = TRUE);

INSERT INTO campaign_unit (school_year, unit_code, unit_name, unit_type, district_code, district_name,
    district_type_label)
SELECT c.school_year, u.code, u.name, u.unit_type, u.district_code, d.name, d.type_label
FROM campaign c
CROSS JOIN org_unit u
LEFT JOIN org_unit d ON d.code = u.district_code
WHERE u.unit_type NOT IN ('DEPARTMENT', 'DISTRICT_OFFICE')
  AND (u.active = TRUE
       OR EXISTS (SELECT 1 FROM participant_record r WHERE r.school_year = c.school_year AND r.unit_code = u.code));
