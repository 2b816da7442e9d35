-- tiebot database schema.  Built once per data change by bot.storage.write
-- (fresh file, one transaction, then an atomic rename) and read whole at
-- start by bot.storage.read.  Every model field has a column, so a Season
-- written and read back compares equal.  ``position`` columns keep tuple
-- order; enum columns are CHECKed against the model's values (a test
-- compares the lists).  Rows are written and read by column name.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE competitions (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (name <> '')
);

CREATE TABLE seasons (
    id             INTEGER PRIMARY KEY,
    competition_id INTEGER NOT NULL REFERENCES competitions (id),
    label          TEXT NOT NULL CHECK (label <> ''),
    source_file    TEXT NOT NULL,
    start_year     INTEGER NOT NULL,
    end_year       INTEGER NOT NULL CHECK (end_year >= start_year),
    position       INTEGER NOT NULL UNIQUE,
    UNIQUE (competition_id, label)
);

-- Season.merged_from: further documents a season found in several sources came from.
CREATE TABLE season_sources (
    season_id INTEGER NOT NULL REFERENCES seasons (id),
    position  INTEGER NOT NULL,
    file      TEXT NOT NULL,
    PRIMARY KEY (season_id, position)
) WITHOUT ROWID;

-- (team spelling, FIFA code) pairs as seen in the document.
CREATE TABLE season_countries (
    season_id INTEGER NOT NULL REFERENCES seasons (id),
    position  INTEGER NOT NULL,
    team      TEXT NOT NULL,
    code      TEXT NOT NULL,
    PRIMARY KEY (season_id, position)
) WITHOUT ROWID;

-- (spelling stated in a summary, team spelling in the legs).
CREATE TABLE season_aliases (
    season_id INTEGER NOT NULL REFERENCES seasons (id),
    position  INTEGER NOT NULL,
    stated    TEXT NOT NULL,
    team      TEXT NOT NULL,
    PRIMARY KEY (season_id, position)
) WITHOUT ROWID;

CREATE TABLE rounds (
    id            INTEGER PRIMARY KEY,
    season_id     INTEGER NOT NULL REFERENCES seasons (id),
    position      INTEGER NOT NULL,
    name          TEXT NOT NULL,
    ord           INTEGER NOT NULL,
    first_leg     TEXT,
    second_leg    TEXT,
    expected_ties INTEGER CHECK (expected_ties IS NULL OR expected_ties >= 0),
    description   TEXT,
    line          INTEGER NOT NULL CHECK (line >= 0),
    stage         TEXT NOT NULL CHECK (stage IN ('knockout', 'group')),
    UNIQUE (season_id, position)
);
CREATE INDEX rounds_by_name ON rounds (season_id, name);

-- Round.groups: a group stage's groups, their teams and printed tables.
CREATE TABLE groups (
    id       INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES rounds (id),
    position INTEGER NOT NULL,
    name     TEXT,
    line     INTEGER NOT NULL CHECK (line >= 0),
    UNIQUE (round_id, position)
);

CREATE TABLE group_teams (
    group_id INTEGER NOT NULL REFERENCES groups (id),
    position INTEGER NOT NULL,
    team     TEXT NOT NULL,
    PRIMARY KEY (group_id, position)
) WITHOUT ROWID;

CREATE TABLE standings (
    group_id      INTEGER NOT NULL REFERENCES groups (id),
    position      INTEGER NOT NULL,
    team          TEXT NOT NULL,
    played        INTEGER NOT NULL,
    won           INTEGER NOT NULL,
    drawn         INTEGER NOT NULL,
    lost          INTEGER NOT NULL,
    goals_for     INTEGER NOT NULL,
    goals_against INTEGER NOT NULL,
    points        INTEGER NOT NULL,
    line          INTEGER NOT NULL,
    PRIMARY KEY (group_id, position)
) WITHOUT ROWID;

CREATE TABLE clubs (
    key      TEXT PRIMARY KEY CHECK (key <> ''),
    name     TEXT NOT NULL,
    country  TEXT,
    position INTEGER NOT NULL UNIQUE
) WITHOUT ROWID;

-- Club.aliases and Club.nicknames, in tuple order; Club.names as kind 'name:<language>'.
CREATE TABLE club_aliases (
    club_key TEXT NOT NULL REFERENCES clubs (key),
    kind     TEXT NOT NULL CHECK (kind IN ('alias', 'nickname') OR kind GLOB 'name:[a-z][a-z]'),
    position INTEGER NOT NULL,
    spelling TEXT NOT NULL,
    folded   TEXT NOT NULL,
    PRIMARY KEY (club_key, kind, position)
) WITHOUT ROWID;
CREATE INDEX club_aliases_by_folded ON club_aliases (folded);

-- The registry's decisions: every team spelling, as coded in a document (country '' when
-- the document gives none), and for a curated exception its place (file, line), -> its
-- club.  A row with no country and no place is the spelling's club whatever the country.
CREATE TABLE spellings (
    spelling TEXT NOT NULL,
    country  TEXT NOT NULL,
    file     TEXT NOT NULL,
    line     INTEGER NOT NULL CHECK (line >= 0),
    folded   TEXT NOT NULL,
    club_key TEXT NOT NULL REFERENCES clubs (key),
    PRIMARY KEY (spelling, country, file, line)
) WITHOUT ROWID;
CREATE INDEX spellings_by_folded ON spellings (folded);

CREATE TABLE ties (
    id               INTEGER PRIMARY KEY,
    round_id         INTEGER NOT NULL REFERENCES rounds (id),
    position         INTEGER NOT NULL,
    round_name       TEXT NOT NULL,
    idx              INTEGER NOT NULL,
    team1            TEXT NOT NULL,
    team2            TEXT,
    club1            TEXT NOT NULL REFERENCES clubs (key),
    club2            TEXT REFERENCES clubs (key),
    code1            TEXT,
    code2            TEXT,
    winner           INTEGER CHECK (winner IS NULL OR winner IN (1, 2)),
    decided_by       TEXT NOT NULL CHECK (decided_by IN ('aggregate', 'away_goals', 'penalties',
                         'walkover', 'withdrawal', 'single_match', 'unknown')),
    aggregate1       INTEGER,
    aggregate2       INTEGER,
    penalties1       INTEGER,
    penalties2       INTEGER,
    reason           TEXT,
    winner_as_stated TEXT,
    advanced_to      TEXT,
    single_match     INTEGER NOT NULL CHECK (single_match IN (0, 1)),
    source_file      TEXT NOT NULL,
    source_line      INTEGER NOT NULL,
    UNIQUE (round_id, position),
    CHECK ((aggregate1 IS NULL) = (aggregate2 IS NULL)),
    CHECK ((penalties1 IS NULL) = (penalties2 IS NULL)),
    CHECK ((team2 IS NULL) = (club2 IS NULL))
);
CREATE INDEX ties_by_club1 ON ties (club1);
CREATE INDEX ties_by_club2 ON ties (club2);

-- Tie.sources: every further file:line a tie comes from.
CREATE TABLE tie_sources (
    tie_id   INTEGER NOT NULL REFERENCES ties (id),
    position INTEGER NOT NULL,
    file     TEXT NOT NULL,
    line     INTEGER NOT NULL,
    PRIMARY KEY (tie_id, position)
) WITHOUT ROWID;

-- A leg of a tie (tie_id) or a match of a group (group_id), never both.
CREATE TABLE legs (
    id             INTEGER PRIMARY KEY,
    tie_id         INTEGER REFERENCES ties (id),
    group_id       INTEGER REFERENCES groups (id),
    position       INTEGER NOT NULL,
    home           TEXT NOT NULL,
    away           TEXT NOT NULL,
    home_goals     INTEGER CHECK (home_goals IS NULL OR home_goals >= 0),
    away_goals     INTEGER CHECK (away_goals IS NULL OR away_goals >= 0),
    status         TEXT NOT NULL CHECK (status IN ('played', 'cancelled', 'awarded', 'abandoned')),
    date           TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    line           INTEGER NOT NULL,
    extra_time     INTEGER NOT NULL CHECK (extra_time IN (0, 1)),
    penalties_home INTEGER CHECK (penalties_home IS NULL OR penalties_home >= 0),
    penalties_away INTEGER CHECK (penalties_away IS NULL OR penalties_away >= 0),
    source_file    TEXT,
    source_line    INTEGER,
    UNIQUE (tie_id, position),
    UNIQUE (group_id, position),
    CHECK ((tie_id IS NULL) <> (group_id IS NULL)),
    CHECK ((penalties_home IS NULL) = (penalties_away IS NULL)),
    CHECK ((source_file IS NULL) = (source_line IS NULL))
);

-- Tie.disagreements and Group.disagreements: where the sources of a merged season differ.
CREATE TABLE disagreements (
    id       INTEGER PRIMARY KEY,
    tie_id   INTEGER REFERENCES ties (id),
    group_id INTEGER REFERENCES groups (id),
    position INTEGER NOT NULL,
    fact     TEXT NOT NULL CHECK (fact <> ''),
    leg      INTEGER CHECK (leg IS NULL OR leg >= 1),
    UNIQUE (tie_id, position),
    UNIQUE (group_id, position),
    CHECK ((tie_id IS NULL) <> (group_id IS NULL))
);

-- Each source's version of a disputed fact, the answer's source first.
CREATE TABLE versions (
    disagreement_id INTEGER NOT NULL REFERENCES disagreements (id),
    position        INTEGER NOT NULL,
    value           TEXT NOT NULL,
    file            TEXT NOT NULL,
    line            INTEGER NOT NULL,
    PRIMARY KEY (disagreement_id, position)
) WITHOUT ROWID;

CREATE TABLE goals (
    leg_id     INTEGER NOT NULL REFERENCES legs (id),
    position   INTEGER NOT NULL,
    team       TEXT NOT NULL,
    player     TEXT NOT NULL,
    minute     INTEGER,
    added_time INTEGER,
    penalty    INTEGER NOT NULL CHECK (penalty IN (0, 1)),
    own_goal   INTEGER NOT NULL CHECK (own_goal IN (0, 1)),
    PRIMARY KEY (leg_id, position)
) WITHOUT ROWID;

CREATE TABLE notes (
    tie_id   INTEGER NOT NULL REFERENCES ties (id),
    position INTEGER NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (tie_id, position)
) WITHOUT ROWID;

-- Parser findings (season_id set), registry findings (identity questions among them),
-- merge findings and skipped files.
CREATE TABLE diagnostics (
    id        INTEGER PRIMARY KEY,
    season_id INTEGER REFERENCES seasons (id),
    origin    TEXT NOT NULL CHECK (origin IN ('parser', 'registry', 'merge', 'loader')),
    file      TEXT NOT NULL,
    line      INTEGER NOT NULL,
    severity  TEXT NOT NULL CHECK (severity IN ('warning', 'unrecognized', 'error')),
    message   TEXT NOT NULL
);
CREATE INDEX diagnostics_by_season ON diagnostics (season_id);
