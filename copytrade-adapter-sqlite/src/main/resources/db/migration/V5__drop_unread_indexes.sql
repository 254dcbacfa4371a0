-- Indexes no query of the engine reads. Every copy wrote a leaf page of each (a random one: their keys are
-- correlation ids, order ids and per-account times), so each copy cost seven page writes more to the WAL and
-- again at its checkpoint: more than half of a copy's time in the store (StoreCommitBench.copyWrites). An
-- operator's ad-hoc query of the audit log by correlation id or account scans the table instead.
DROP INDEX idx_orders_correlation;
DROP INDEX idx_orders_account;
DROP INDEX idx_orders_status;
DROP INDEX idx_copy_mappings_follower_order;
DROP INDEX idx_audit_action_ts;
DROP INDEX idx_audit_account_ts;
DROP INDEX idx_audit_correlation;
