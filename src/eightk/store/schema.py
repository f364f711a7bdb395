"""The database schema, as an ordered list of migrations.

Each migration runs once, in its own transaction, and is recorded in ``migrations``;
a database made by an older eightk is brought up to date when it is opened. Never edit a
migration that has shipped: add a new one.

Tables (documented in docs/database.md):

- ``blobs``: the raw bytes of every filing read, zlib-compressed, addressed by sha256;
- ``filings``: one row per filing (by accession when known, else by sha256), the cover
  page flattened, stamped with the parser version that derived it;
- ``registrants``: the registrant and co-registrants of each filing (CIK where known);
- ``items``, ``exhibits``, ``signatures``, ``events``, ``attachments``: the reading;
- ``texts`` and its FTS5 index ``texts_fts``: item and exhibit texts, searchable;
- ``problems``: files that could not be read, with the reason (their bytes kept in
  ``blobs`` when not too large, so ``reparse`` can try them again);
- ``sources``: where each filing was read from and when (kept out of exports);
- ``edgar_indexes``, ``edgar_index_rows``, ``edgar_fetched``: what ``eightk sync`` has read
  of EDGAR's indexes and which submissions it has stored (so a rerun fetches only what is
  missing).
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "initial tables",
        """
        CREATE TABLE blobs (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            codec TEXT NOT NULL,
            data BLOB NOT NULL
        );
        CREATE TABLE filings (
            id INTEGER PRIMARY KEY,
            filing_key TEXT NOT NULL UNIQUE,
            accession TEXT,
            sha256 TEXT NOT NULL UNIQUE REFERENCES blobs(sha256),
            format TEXT,
            form_type TEXT,
            amendment INTEGER,
            period_of_report TEXT,
            filed_date TEXT,
            registrant_name TEXT,
            cik TEXT,
            state_of_incorporation TEXT,
            commission_file_number TEXT,
            irs_ein TEXT,
            phone TEXT,
            street TEXT,
            city TEXT,
            state TEXT,
            zip TEXT,
            item_codes TEXT NOT NULL,
            exhibit_count INTEGER NOT NULL,
            emerging_growth_company INTEGER,
            problem_count INTEGER NOT NULL,
            size INTEGER NOT NULL,
            parser_version TEXT NOT NULL,
            schema_version TEXT NOT NULL
        );
        CREATE INDEX filings_cik ON filings(cik);
        CREATE INDEX filings_period ON filings(period_of_report);
        CREATE INDEX filings_form ON filings(form_type);
        CREATE INDEX filings_accession ON filings(accession);
        CREATE TABLE sources (
            filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            PRIMARY KEY (filing_id, name)
        );
        CREATE TABLE registrants (
            filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            cik TEXT,
            name TEXT,
            state_of_incorporation TEXT,
            commission_file_number TEXT,
            irs_ein TEXT,
            phone TEXT,
            street TEXT,
            city TEXT,
            state TEXT,
            zip TEXT,
            former_name TEXT,
            PRIMARY KEY (filing_id, position)
        );
        CREATE INDEX registrants_cik ON registrants(cik);
        CREATE TABLE texts (
            id INTEGER PRIMARY KEY,
            filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            label TEXT,
            body TEXT NOT NULL
        );
        CREATE INDEX texts_filing ON texts(filing_id);
        CREATE VIRTUAL TABLE texts_fts USING fts5(
            label, body, content='texts', content_rowid='id', tokenize='porter unicode61'
        );
        CREATE TRIGGER texts_ai AFTER INSERT ON texts BEGIN
            INSERT INTO texts_fts(rowid, label, body) VALUES (new.id, new.label, new.body);
        END;
        CREATE TRIGGER texts_ad AFTER DELETE ON texts BEGIN
            INSERT INTO texts_fts(texts_fts, rowid, label, body) VALUES ('delete', old.id, old.label, old.body);
        END;
        CREATE TABLE items (
            filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            code TEXT NOT NULL,
            number_as_filed TEXT,
            title_as_filed TEXT,
            status TEXT NOT NULL,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            text_id INTEGER REFERENCES texts(id),
            PRIMARY KEY (filing_id, position)
        );
        CREATE INDEX items_code ON items(code);
        CREATE TABLE exhibits (
            filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            number TEXT NOT NULL,
            type TEXT,
            description TEXT,
            is_press_release INTEGER NOT NULL,
            interactive_data INTEGER NOT NULL,
            filename TEXT,
            listed INTEGER NOT NULL,
            text_id INTEGER REFERENCES texts(id),
            PRIMARY KEY (filing_id, position)
        );
        CREATE INDEX exhibits_number ON exhibits(number);
        CREATE TABLE signatures (
            filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            title TEXT,
            date TEXT,
            PRIMARY KEY (filing_id, position)
        );
        CREATE TABLE events (
            filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            type TEXT NOT NULL,
            item TEXT,
            data TEXT NOT NULL,
            PRIMARY KEY (filing_id, position)
        );
        CREATE INDEX events_type ON events(type);
        CREATE TABLE attachments (
            filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            sequence INTEGER,
            type TEXT,
            filename TEXT,
            description TEXT,
            kind TEXT NOT NULL,
            size INTEGER NOT NULL,
            PRIMARY KEY (filing_id, position)
        );
        CREATE TABLE problems (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            sha256 TEXT,
            size INTEGER,
            code TEXT NOT NULL,
            message TEXT NOT NULL,
            parser_version TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            UNIQUE (source, sha256)
        );
        """,
    ),
    (
        "EDGAR sync state",
        """
        CREATE TABLE edgar_indexes (
            path TEXT PRIMARY KEY,
            fetched_at TEXT NOT NULL,
            final INTEGER NOT NULL,
            forms TEXT NOT NULL,
            rows INTEGER NOT NULL
        );
        CREATE TABLE edgar_index_rows (
            accession TEXT NOT NULL,
            cik TEXT NOT NULL,
            company TEXT,
            form_type TEXT NOT NULL,
            date_filed TEXT NOT NULL,
            path TEXT NOT NULL,
            PRIMARY KEY (accession, cik)
        );
        CREATE INDEX edgar_index_rows_date ON edgar_index_rows(date_filed);
        CREATE TABLE edgar_fetched (
            accession TEXT PRIMARY KEY,
            url TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            fetched_at TEXT NOT NULL
        );
        """,
    ),
)
