-- Position reconciliation places follower orders that follow no leader order: their leader_order_id names
-- the reconciliation run and position instead ("reconcile:..."), and their steps start with "reconcile".
-- SQLite cannot drop a foreign key in place, so copy_mappings is rebuilt; every other copy must still name
-- a recorded leader order, now checked by a trigger with the foreign key's message.
CREATE TABLE copy_mappings_v2 (
    correlation_id      TEXT    NOT NULL PRIMARY KEY,
    leader_order_id     TEXT    NOT NULL,
    follower_account_id TEXT    NOT NULL,
    step                TEXT    NOT NULL,
    exchange_segment    TEXT    NOT NULL,
    security_id         TEXT    NOT NULL,
    side                TEXT    NOT NULL,
    leader_quantity     INTEGER NOT NULL,
    follower_quantity   INTEGER NOT NULL,
    sizing              TEXT    NOT NULL,
    state               TEXT    NOT NULL CHECK (state IN ('INTENDED', 'UNKNOWN', 'PLACED', 'PART_FILLED',
                                    'FILLED', 'REJECTED', 'CANCELLED', 'SKIPPED', 'FAILED')),
    -- No foreign key: the follower order's row may be written after the mapping names it. Not unique:
    -- each modification of a follower order is a copy of its own that names the same order.
    follower_order_id   TEXT,
    reason              TEXT,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    -- One copy per step of a leader order per follower, whatever correlation id it was given. Also serves
    -- lookups by leader order.
    UNIQUE (leader_order_id, follower_account_id, step)
) STRICT;

INSERT INTO copy_mappings_v2 SELECT * FROM copy_mappings;
DROP TABLE copy_mappings;
ALTER TABLE copy_mappings_v2 RENAME TO copy_mappings;

CREATE INDEX idx_copy_mappings_state ON copy_mappings (state, created_at);
CREATE INDEX idx_copy_mappings_follower_order ON copy_mappings (follower_order_id);
CREATE INDEX idx_copy_mappings_follower_instrument
    ON copy_mappings (follower_account_id, exchange_segment, security_id);

CREATE TRIGGER copy_mappings_leader_order BEFORE INSERT ON copy_mappings
WHEN NEW.step NOT LIKE 'reconcile%'
    AND NOT EXISTS (SELECT 1 FROM orders WHERE order_id = NEW.leader_order_id)
BEGIN
    SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: copy of an unrecorded leader order');
END;
