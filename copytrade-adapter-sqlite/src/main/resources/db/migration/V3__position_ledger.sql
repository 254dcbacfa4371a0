-- The position ledger (see PositionLedger in the domain) is the stored orders and copies; what each account
-- carried into a day from earlier days is the one figure the day's fills do not give. It is read once a day
-- from the broker's positions (their carry-forward quantities) and kept here, so a restart sizes exits
-- from the same figures.
CREATE TABLE carried_forward_days (
    day         TEXT    NOT NULL, -- yyyy-MM-dd, IST
    account_id  TEXT    NOT NULL,
    recorded_at INTEGER NOT NULL,
    PRIMARY KEY (day, account_id)
) STRICT;

CREATE TABLE carried_forward (
    day              TEXT    NOT NULL,
    account_id       TEXT    NOT NULL,
    exchange_segment TEXT    NOT NULL,
    security_id      TEXT    NOT NULL,
    product          TEXT    NOT NULL,
    units            INTEGER NOT NULL, -- signed: positive long, negative short
    PRIMARY KEY (day, account_id, exchange_segment, security_id, product),
    FOREIGN KEY (day, account_id) REFERENCES carried_forward_days (day, account_id)
) STRICT;

-- The ledger reads one account's orders in one position, in the order they were first stored.
CREATE INDEX idx_orders_position ON orders (account_id, exchange_segment, security_id, product, created_at);
