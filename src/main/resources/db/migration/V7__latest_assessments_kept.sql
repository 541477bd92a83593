-- The latest assessments, kept by the database as assessments change, so that reading the current statuses
-- is a join instead of one look-up per measure and per measure and evaluator. Measured with bench/run.sh:
-- those look-ups were half of PostgreSQL's time on a measure list.
--
-- evaluator_latest_assessment: each evaluator's latest assessment of each measure it assessed;
-- measure_latest_assessment: each assessed measure's latest assessment, whoever made it (the newest of the
-- former). "Latest" is what latest_assessment_of(measure, null) says: from the most recent evaluation,
-- ties on the date going to the evaluation recorded last. Reads "as of" a date still use that function.

create table evaluator_latest_assessment (
    measure_id      bigint not null references measure (id) on delete cascade,
    evaluator_id    bigint not null references evaluator (id) on delete cascade,
    assessment_id   bigint not null,
    evaluation_id   bigint not null,
    evaluation_date date   not null,
    status          text   not null,
    primary key (measure_id, evaluator_id)
);

create table measure_latest_assessment (
    measure_id    bigint primary key references measure (id) on delete cascade,
    assessment_id bigint not null,
    evaluation_id bigint not null,
    status        text   not null
);

-- Recomputes both for one measure and evaluator from the assessments (two index look-ups).
create function refresh_latest_assessment(measure bigint, evaluator bigint)
    returns void
    language plpgsql
as $$
begin
    -- the lock every write of the application takes first (History.WRITE_LOCK, "planwatc"): writes made some
    -- other way are serialised with them too
    perform pg_advisory_xact_lock(8100956956809852003);

    delete from evaluator_latest_assessment l where l.measure_id = measure and l.evaluator_id = evaluator;
    insert into evaluator_latest_assessment (measure_id, evaluator_id, assessment_id, evaluation_id, evaluation_date, status)
    select a.measure_id, a.evaluator_id, a.id, a.evaluation_id, a.evaluation_date, a.status
    from assessment a
    where a.measure_id = measure and a.evaluator_id = evaluator
    order by a.evaluation_date desc, a.evaluation_id desc
    limit 1;

    delete from measure_latest_assessment l where l.measure_id = measure;
    insert into measure_latest_assessment (measure_id, assessment_id, evaluation_id, status)
    select l.measure_id, l.assessment_id, l.evaluation_id, l.status
    from evaluator_latest_assessment l
    where l.measure_id = measure
    order by l.evaluation_date desc, l.evaluation_id desc
    limit 1;
end
$$;

create function assessment_changed()
    returns trigger
    language plpgsql
as $$
begin
    if tg_op <> 'INSERT' then
        perform refresh_latest_assessment(old.measure_id, old.evaluator_id);
    end if;
    if tg_op = 'INSERT' or new.measure_id <> old.measure_id or new.evaluator_id <> old.evaluator_id then
        perform refresh_latest_assessment(new.measure_id, new.evaluator_id);
    end if;
    return null;
end
$$;

-- Every change that can move a latest assessment: a new or withdrawn assessment, a new status, and the
-- evaluation's date or evaluator changing (copied into its assessments by the foreign keys of V4 and V5).
create trigger assessment_latest
    after insert or delete or update of status, evaluation_date, evaluator_id, evaluation_id, measure_id on assessment
    for each row execute function assessment_changed();

insert into evaluator_latest_assessment (measure_id, evaluator_id, assessment_id, evaluation_id, evaluation_date, status)
select distinct on (a.measure_id, a.evaluator_id) a.measure_id, a.evaluator_id, a.id, a.evaluation_id, a.evaluation_date, a.status
from assessment a
order by a.measure_id, a.evaluator_id, a.evaluation_date desc, a.evaluation_id desc;

insert into measure_latest_assessment (measure_id, assessment_id, evaluation_id, status)
select distinct on (l.measure_id) l.measure_id, l.assessment_id, l.evaluation_id, l.status
from evaluator_latest_assessment l
order by l.measure_id, l.evaluation_date desc, l.evaluation_id desc;
