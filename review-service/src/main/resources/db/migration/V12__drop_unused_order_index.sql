-- No query reads reviews by order: the index cost every captured review an insert on a random page (order ids
-- are not ordered), ~a sixth of the review insert's index work on the ingest path (deploy/loadgen/BENCHMARKS.md).
DROP INDEX IF EXISTS review_order;
