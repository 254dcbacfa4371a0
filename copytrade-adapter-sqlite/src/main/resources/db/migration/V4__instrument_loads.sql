-- The instrument master last loaded, by the SHA-256 of its file: a download with the same fingerprint is not
-- written again, and a start on a day whose master was already checked need not download it.
CREATE TABLE instrument_loads (
    id          INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), -- one row: the last load
    fingerprint TEXT    NOT NULL,
    instruments INTEGER NOT NULL,
    checked_at  INTEGER NOT NULL  -- epoch millis: last time the broker served this same file
) STRICT;
