-- Each evaluator's latest assessment of a measure without reading all of the measure's assessments: each
-- assessment carries its evaluation's evaluator, kept equal to it by the database (a foreign key on
-- (evaluation, evaluator) that follows the evaluation when its evaluator changes), and an index orders a
-- measure's assessments by evaluator, newest first. Before this, a measure list read every assessment of
-- each of its measures to find each evaluator's latest: the more evaluations a plan had, the slower.

alter table evaluation add constraint evaluation_id_evaluator_key unique (id, evaluator_id);

alter table assessment add column evaluator_id bigint;
update assessment a set evaluator_id = e.evaluator_id from evaluation e where e.id = a.evaluation_id;
alter table assessment alter column evaluator_id set not null;
alter table assessment add constraint assessment_evaluator_fkey
    foreign key (evaluation_id, evaluator_id) references evaluation (id, evaluator_id) on update cascade on delete cascade;

create index assessment_latest_by_evaluator_idx on assessment (measure_id, evaluator_id, evaluation_date desc, evaluation_id desc);
