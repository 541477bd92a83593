-- Measures get who leads them and when they are due, and may take up a measure of an earlier plan.
--
-- lead:          the body in charge, free text ("MIPROF", "Ministère de la Justice"); lead_search folds it for the
--                accent- and case-insensitive filter, as search_text does for the title.
-- due_by:        the last day of the period the measure is due by: a date as given, the last day of a month
--                ("2025-06") or of a year ("2025"); due_precision says which (DAY, MONTH, YEAR), so that it is shown
--                as it was written. A measure is overdue when due_by is before the day asked about and its status
--                is not IMPLEMENTED (computed by the reads, never stored).
-- continues_id:  the measure of an earlier plan this one takes up. The service checks that the target's plan
--                started earlier, which also rules out cycles; deleting a measure unlinks the measures that took it
--                up (their continues becomes null).

alter table measure
    add column lead          text check (length(lead) between 1 and 500),
    add column lead_search   text generated always as (planwatch_fold(lead)) stored,
    add column due_by        date,
    add column due_precision text check (due_precision in ('DAY', 'MONTH', 'YEAR')),
    add column continues_id  bigint references measure (id) on delete set null,
    add constraint measure_due_by_precision check ((due_by is null) = (due_precision is null)),
    add constraint measure_continues_other check (continues_id <> id);

-- the measures that take up one (continuedBy, the lineage's walk down)
create index measure_continues_idx on measure (continues_id) where continues_id is not null;
-- a plan's measures with a deadline, for the overdue filter and counts
create index measure_due_by_idx on measure (plan_id, due_by) where due_by is not null;
