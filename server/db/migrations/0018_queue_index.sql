-- The console queue's search by the last four of an identity number (issue #16 follow-up).
-- Since 0014 every queue query filters `coalesce(queue_at, submitted_at) is not null` (unpaid
-- orders are listed too), which does not imply 0004's `queue_at is not null`: the partial
-- index no longer applied and each search read the whole table (PostgreSQL 15, 100 000
-- orders: a sequential scan, 117 ms). Same predicate as the queue's other indexes now.
drop index if exists applications_queue_id_tail;
create index applications_queue_id_tail on applications (mission_id, applicant_id_tail)
  where coalesce(queue_at, submitted_at) is not null;

-- 需面审 on each queue row asks whether the order's interview was passed: one probe per row
-- of the page (console-queue.ts, a lateral join), answered from this small partial index
-- instead of the order's whole history.
create index application_history_interview_passed on application_history (application_id)
  where action = 'interview_passed';
