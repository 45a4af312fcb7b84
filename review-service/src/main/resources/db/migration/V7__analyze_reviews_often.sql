-- review grows by bulk syncs, often of a shop the planner has no statistics for yet; with the
-- default (re-analyze after 10 % of the table changed) the planner then picks the wrong index for
-- a buyer's history and scans the whole shop. Analyze after 1 % (or 10,000 rows) instead.
ALTER TABLE review SET (autovacuum_analyze_scale_factor = 0.01, autovacuum_analyze_threshold = 10000);
ALTER TABLE review_reason SET (autovacuum_analyze_scale_factor = 0.01, autovacuum_analyze_threshold = 10000);
