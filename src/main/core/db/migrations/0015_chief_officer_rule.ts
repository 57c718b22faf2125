import type { Migration } from './types';

/**
 * The title rules gained a rule for the other chief officers (COO, CFO, CTO …), who earned the
 * "any other title" points before. Saving any scoring setting stores the whole section, title
 * rules included, so a seller who ever saved it would keep the four old rules and never see the
 * new one. Where the stored rules are the four old ones (labels and keywords as shipped; the
 * seller can only edit their points), the chief officers' rule is added with the points the
 * seller gives presidents, founders and owners — the rule it stands beside in the defaults.
 * Stored scores follow at the next rescore (a scoring change, an import, or Rescore).
 */
export const m0015: Migration = {
  version: 15,
  name: 'chief_officer_rule',
  sql: /* sql */ `
    UPDATE settings
    SET value = json_insert(
      value,
      '$.titleRules[#]',
      json_object(
        'label', 'Chief officer',
        'keywords', json_array('Chief'),
        'points', json_extract(value, '$.titleRules[2].points')
      )
    )
    WHERE key = 'scoring'
      AND json_valid(value)
      AND json_type(value, '$.titleRules') = 'array'
      AND json_array_length(value, '$.titleRules') = 4
      AND json_type(value, '$.titleRules[2].points') IN ('integer', 'real')
      AND 4 = (
        SELECT count(*)
        FROM (VALUES
          (0, 'Chief executive', '["CEO"]'),
          (1, 'Vice president', '["VP","Vice President"]'),
          (2, 'President, founder or owner', '["President","Founder","Co-Founder","Owner"]'),
          (3, 'Director', '["Director"]')
        ) AS old
        WHERE json_extract(settings.value, '$.titleRules[' || old.column1 || '].label') = old.column2
          AND json_extract(settings.value, '$.titleRules[' || old.column1 || '].keywords') = old.column3
      );
  `,
};
