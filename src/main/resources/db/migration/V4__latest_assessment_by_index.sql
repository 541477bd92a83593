-- Finding a measure's latest assessment without sorting all assessments: each assessment carries its
-- evaluation's date, kept equal to it by the database (a foreign key on (evaluation, date) that follows
-- the evaluation's date when it changes), and an index orders a measure's assessments newest first.
-- Before this, every read that missed the cache sorted every assessment of every plan.

alter table evaluation add constraint evaluation_id_date_key unique (id, date);

alter table assessment add column evaluation_date date;
update assessment a set evaluation_date = e.date from evaluation e where e.id = a.evaluation_id;
alter table assessment alter column evaluation_date set not null;
alter table assessment add constraint assessment_evaluation_date_fkey
    foreign key (evaluation_id, evaluation_date) references evaluation (id, date) on update cascade on delete cascade;

create index assessment_latest_idx on assessment (measure_id, evaluation_date desc, evaluation_id desc);

-- The latest assessment of one measure: from the most recent evaluation that assessed it (ties on the
-- date go to the evaluation recorded last); with as_of, evaluations dated after it are ignored.
create function latest_assessment_of(measure bigint, as_of date)
    returns table (measure_id bigint, assessment_id bigint, evaluation_id bigint, status text)
    language sql stable parallel safe
as $$
    select a.measure_id, a.id, a.evaluation_id, a.status
    from assessment a
    where a.measure_id = measure and (as_of is null or a.evaluation_date <= as_of)
    order by a.evaluation_date desc, a.evaluation_id desc
    limit 1
$$;

drop function latest_assessment(date);
