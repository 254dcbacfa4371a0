-- copytrade schema, version 1 (Flyway records the version; there is no schema_version config row).
-- Money is INTEGER paise and times are INTEGER epoch milliseconds (UTC); model enums are stored by name.
-- Tables are STRICT so SQLite refuses a value of the wrong type (a REAL price, a text quantity) instead of
-- storing it as given. account_id is the Dhan client id, so any number of followers fit.

-- The latest state of each leader and follower order.
CREATE TABLE orders (
    order_id            TEXT    NOT NULL PRIMARY KEY,
    account_id          TEXT    NOT NULL,
    role                TEXT    NOT NULL CHECK (role IN ('leader', 'follower')),
    correlation_id      TEXT,
    status              TEXT    NOT NULL,
    side                TEXT    NOT NULL,
    product             TEXT    NOT NULL,
    order_type          TEXT    NOT NULL,
    validity            TEXT    NOT NULL,
    exchange_segment    TEXT    NOT NULL,
    security_id         TEXT    NOT NULL,
    quantity            INTEGER NOT NULL,
    filled_quantity     INTEGER NOT NULL,
    price_paise         INTEGER NOT NULL,
    trigger_price_paise INTEGER,
    avg_price_paise     INTEGER,
    reject_reason       TEXT,
    -- When Dhan last changed a leader order; lets a late frame arrive without overwriting a newer state.
    broker_updated_at   INTEGER,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
) STRICT;

CREATE INDEX idx_orders_correlation ON orders (correlation_id);
CREATE INDEX idx_orders_account ON orders (account_id, created_at);
CREATE INDEX idx_orders_status ON orders (status);

-- Every distinct event seen for a leader order.
CREATE TABLE order_events (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id            TEXT    NOT NULL REFERENCES orders (order_id),
    status              TEXT    NOT NULL,
    quantity            INTEGER NOT NULL,
    filled_quantity     INTEGER NOT NULL,
    price_paise         INTEGER NOT NULL,
    trigger_price_paise INTEGER,
    avg_price_paise     INTEGER,
    event_ts            INTEGER NOT NULL, -- when Dhan changed the order
    received_ts         INTEGER NOT NULL  -- when the frame reached us
) STRICT;

-- A repeated frame is not a new event. An absent trigger counts as 0 here, as NULLs never collide in UNIQUE.
CREATE UNIQUE INDEX uq_order_events_frame
    ON order_events (order_id, status, quantity, filled_quantity, price_paise, COALESCE(trigger_price_paise, 0));
CREATE INDEX idx_order_events_order_ts ON order_events (order_id, event_ts);

-- Exchange fills. Keyed by account too: both sides of one exchange trade may be accounts of ours.
CREATE TABLE trades (
    account_id       TEXT    NOT NULL,
    trade_id         TEXT    NOT NULL,
    order_id         TEXT    NOT NULL REFERENCES orders (order_id),
    side             TEXT    NOT NULL,
    product          TEXT    NOT NULL,
    exchange_segment TEXT    NOT NULL,
    security_id      TEXT    NOT NULL,
    quantity         INTEGER NOT NULL,
    price_paise      INTEGER NOT NULL,
    trade_ts         INTEGER NOT NULL,
    PRIMARY KEY (account_id, trade_id)
) STRICT;

CREATE INDEX idx_trades_order ON trades (order_id);
CREATE INDEX idx_trades_account_ts ON trades (account_id, trade_ts);

-- Position snapshots; the primary key's leading snapshot_ts serves lookups by time.
CREATE TABLE positions (
    snapshot_ts      INTEGER NOT NULL,
    account_id       TEXT    NOT NULL,
    exchange_segment TEXT    NOT NULL,
    security_id      TEXT    NOT NULL,
    product          TEXT    NOT NULL,
    net_quantity     INTEGER NOT NULL, -- signed: positive long, negative short
    buy_avg_paise    INTEGER NOT NULL,
    sell_avg_paise   INTEGER NOT NULL,
    realized_paise   INTEGER NOT NULL,
    unrealized_paise INTEGER NOT NULL,
    PRIMARY KEY (snapshot_ts, account_id, exchange_segment, security_id, product)
) STRICT;

CREATE INDEX idx_positions_account ON positions (account_id, snapshot_ts);

-- Fund limit snapshots.
CREATE TABLE funds (
    snapshot_ts     INTEGER NOT NULL,
    account_id      TEXT    NOT NULL,
    available_paise INTEGER NOT NULL,
    sod_limit_paise INTEGER NOT NULL,
    utilized_paise  INTEGER NOT NULL,
    PRIMARY KEY (snapshot_ts, account_id)
) STRICT;

CREATE INDEX idx_funds_account_ts ON funds (account_id, snapshot_ts);

-- The instrument master, as last loaded.
CREATE TABLE instruments (
    exchange_segment TEXT    NOT NULL,
    security_id      TEXT    NOT NULL,
    trading_symbol   TEXT    NOT NULL,
    underlying       TEXT    NOT NULL,
    instrument_type  TEXT    NOT NULL,
    lot_size         INTEGER NOT NULL,
    tick_size_paise  INTEGER NOT NULL,
    expiry_date      TEXT, -- yyyy-MM-dd
    strike_paise     INTEGER,
    option_type      TEXT,
    freeze_quantity  INTEGER,
    updated_at       INTEGER NOT NULL,
    PRIMARY KEY (exchange_segment, security_id)
) STRICT;

CREATE INDEX idx_instruments_symbol ON instruments (trading_symbol, exchange_segment);
CREATE INDEX idx_instruments_underlying ON instruments (underlying, expiry_date);

-- One row per follower order for one step of one leader order, written before the broker is called.
CREATE TABLE copy_mappings (
    correlation_id      TEXT    NOT NULL PRIMARY KEY,
    leader_order_id     TEXT    NOT NULL REFERENCES orders (order_id),
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

CREATE INDEX idx_copy_mappings_state ON copy_mappings (state, created_at);
CREATE INDEX idx_copy_mappings_follower_order ON copy_mappings (follower_order_id);

-- What was done or declined, and how it went. Append-only: see the triggers below.
CREATE TABLE audit_log (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    ts              INTEGER NOT NULL,
    action          TEXT    NOT NULL,
    account_id      TEXT,
    leader_order_id TEXT,
    correlation_id  TEXT,
    detail          TEXT    NOT NULL, -- JSON
    outcome         TEXT,
    duration_ms     INTEGER
) STRICT;

CREATE INDEX idx_audit_action_ts ON audit_log (action, ts);
CREATE INDEX idx_audit_account_ts ON audit_log (account_id, ts);
CREATE INDEX idx_audit_correlation ON audit_log (correlation_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused');
END;

CREATE TABLE config (
    key         TEXT    NOT NULL PRIMARY KEY,
    value       TEXT    NOT NULL,
    description TEXT,
    updated_at  INTEGER NOT NULL
) STRICT;

INSERT INTO config (key, value, description, updated_at) VALUES
    ('copy_enabled', 'true', 'Global copy trading enabled flag', unixepoch() * 1000),
    ('last_leader_event_ts', '0', 'Last processed leader event time, epoch milliseconds', unixepoch() * 1000);
