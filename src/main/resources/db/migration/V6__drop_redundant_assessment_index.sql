-- assessment_latest_idx and assessment_latest_by_evaluator_idx both start with measure_id: they serve every
-- look-up by measure (and the foreign key's checks) that assessment_measure_idx served, which only cost writes.
drop index assessment_measure_idx;
