#include "core/store/migrations.h"

namespace lab {
namespace {

// Version 1: the whole data model. Times are ISO 8601 UTC text, JSON columns are TEXT.
Migration initialSchema()
{
    Migration m;
    m.version = 1;
    m.description = QStringLiteral("incidents, logs, explanations, pairs, votes, annotators, runs, metrics, adapters");
    m.statements = {
        QStringLiteral(
            "CREATE TABLE schema_version ("
            " version INTEGER PRIMARY KEY,"
            " description TEXT NOT NULL,"
            " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))"),
        QStringLiteral(
            "CREATE TABLE incidents ("
            " id INTEGER PRIMARY KEY,"
            " title TEXT NOT NULL,"
            " origin TEXT NOT NULL CHECK (origin IN ('synthetic','imported')),"
            " source TEXT NOT NULL CHECK (source IN ('spark','dlt','k8s','s3','app','other')),"
            " kind TEXT NOT NULL DEFAULT '',"
            " log_format TEXT NOT NULL DEFAULT '',"
            " status TEXT NOT NULL DEFAULT 'open',"
            " seed INTEGER,"
            " ground_truth TEXT NOT NULL DEFAULT '{}',"
            " created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX incidents_kind ON incidents(kind)"),
        QStringLiteral("CREATE INDEX incidents_source ON incidents(source)"),
        QStringLiteral("CREATE INDEX incidents_status ON incidents(status)"),
        QStringLiteral(
            "CREATE TABLE logs ("
            " id INTEGER PRIMARY KEY,"
            " incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,"
            " name TEXT NOT NULL,"
            " original_path TEXT NOT NULL DEFAULT '',"
            " format TEXT NOT NULL DEFAULT '',"
            " line_count INTEGER NOT NULL DEFAULT 0,"
            " content TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX logs_incident ON logs(incident_id)"),
        QStringLiteral(
            "CREATE TABLE annotators ("
            " id INTEGER PRIMARY KEY,"
            " name TEXT NOT NULL UNIQUE,"
            " kind TEXT NOT NULL DEFAULT 'human',"
            " created_at TEXT NOT NULL)"),
        QStringLiteral(
            "CREATE TABLE runs ("
            " id INTEGER PRIMARY KEY,"
            " kind TEXT NOT NULL,"
            " status TEXT NOT NULL,"
            " config TEXT NOT NULL DEFAULT '{}',"
            " started_at TEXT,"
            " finished_at TEXT,"
            " result TEXT NOT NULL DEFAULT '{}',"
            " vote_snapshot TEXT NOT NULL DEFAULT '',"
            " created_at TEXT NOT NULL)"),
        // Metrics are many small rows read per run and per name: the key is the access path.
        QStringLiteral(
            "CREATE TABLE metrics ("
            " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
            " name TEXT NOT NULL,"
            " step INTEGER NOT NULL,"
            " value REAL,"
            " PRIMARY KEY (run_id, name, step)) WITHOUT ROWID"),
        QStringLiteral(
            "CREATE TABLE adapters ("
            " id INTEGER PRIMARY KEY,"
            " name TEXT NOT NULL UNIQUE,"
            " run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,"
            " path TEXT NOT NULL,"
            " created_at TEXT NOT NULL,"
            " active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0,1)),"
            " activated_at TEXT,"
            " eval TEXT NOT NULL DEFAULT '{}')"),
        // The database itself refuses a second active adapter, whatever program writes.
        QStringLiteral("CREATE UNIQUE INDEX adapters_one_active ON adapters(active) WHERE active = 1"),
        QStringLiteral(
            "CREATE TABLE explanations ("
            " id INTEGER PRIMARY KEY,"
            " incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,"
            " text TEXT NOT NULL,"
            " style TEXT NOT NULL DEFAULT '',"
            " model TEXT NOT NULL DEFAULT '',"
            " adapter_id INTEGER REFERENCES adapters(id) ON DELETE SET NULL,"
            " meta TEXT NOT NULL DEFAULT '{}',"
            " created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX explanations_incident ON explanations(incident_id)"),
        QStringLiteral("CREATE INDEX explanations_adapter ON explanations(adapter_id)"),
        QStringLiteral(
            "CREATE TABLE pairs ("
            " id INTEGER PRIMARY KEY,"
            " incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,"
            " explanation_a INTEGER NOT NULL REFERENCES explanations(id) ON DELETE CASCADE,"
            " explanation_b INTEGER NOT NULL REFERENCES explanations(id) ON DELETE CASCADE,"
            " gold INTEGER NOT NULL DEFAULT 0 CHECK (gold IN (0,1)),"
            " created_at TEXT NOT NULL,"
            " CHECK (explanation_a <> explanation_b))"),
        QStringLiteral("CREATE INDEX pairs_incident ON pairs(incident_id)"),
        QStringLiteral("CREATE INDEX pairs_explanation_a ON pairs(explanation_a)"),
        QStringLiteral("CREATE INDEX pairs_explanation_b ON pairs(explanation_b)"),
        // Votes. UNIQUE (annotator_id, pair_id) is also the index that "has this annotator voted
        // on this pair" probes.
        QStringLiteral(
            "CREATE TABLE comparisons ("
            " id INTEGER PRIMARY KEY,"
            " pair_id INTEGER NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,"
            " annotator_id INTEGER NOT NULL REFERENCES annotators(id) ON DELETE CASCADE,"
            " shown_left TEXT NOT NULL CHECK (shown_left IN ('a','b')),"
            " choice TEXT NOT NULL CHECK (choice IN ('a_better','b_better','tie','both_bad','skip')),"
            " tags TEXT NOT NULL DEFAULT '[]',"
            " rationale TEXT NOT NULL DEFAULT '',"
            " guideline_version TEXT NOT NULL DEFAULT '',"
            " created_at TEXT NOT NULL,"
            " UNIQUE (annotator_id, pair_id))"),
        QStringLiteral("CREATE INDEX comparisons_pair ON comparisons(pair_id)"),
    };
    return m;
}

// Version 2: counters kept by triggers so that "next open pair" and the progress bar stay fast
// with a million votes (no COUNT over comparisons on every screen refresh). Existing votes are
// counted once here.
Migration voteCounters()
{
    Migration m;
    m.version = 2;
    m.description = QStringLiteral("vote counters on pairs and annotators for labeling at scale");
    m.statements = {
        // pairs.vote_count: votes that judge the pair (skips do not);
        // annotators.vote_count: pairs the annotator has dealt with (skips included).
        QStringLiteral("ALTER TABLE pairs ADD COLUMN vote_count INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE annotators ADD COLUMN vote_count INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral(
            "UPDATE pairs SET vote_count = (SELECT COUNT(*) FROM comparisons c"
            " WHERE c.pair_id = pairs.id AND c.choice <> 'skip')"),
        QStringLiteral(
            "UPDATE annotators SET vote_count = (SELECT COUNT(*) FROM comparisons c"
            " WHERE c.annotator_id = annotators.id)"),
        QStringLiteral("CREATE INDEX pairs_open_order ON pairs(vote_count, id)"),
        // Covering index for the per-kind progress join (incident -> its pairs' counters).
        QStringLiteral("DROP INDEX pairs_incident"),
        QStringLiteral("CREATE INDEX pairs_incident_votes ON pairs(incident_id, vote_count)"),
        QStringLiteral(
            "CREATE TRIGGER comparisons_count_insert AFTER INSERT ON comparisons BEGIN"
            " UPDATE pairs SET vote_count = vote_count + (NEW.choice <> 'skip') WHERE id = NEW.pair_id;"
            " UPDATE annotators SET vote_count = vote_count + 1 WHERE id = NEW.annotator_id;"
            " END"),
        QStringLiteral(
            "CREATE TRIGGER comparisons_count_delete AFTER DELETE ON comparisons BEGIN"
            " UPDATE pairs SET vote_count = vote_count - (OLD.choice <> 'skip') WHERE id = OLD.pair_id;"
            " UPDATE annotators SET vote_count = vote_count - 1 WHERE id = OLD.annotator_id;"
            " END"),
        QStringLiteral(
            "CREATE TRIGGER comparisons_count_update AFTER UPDATE OF pair_id, annotator_id, choice"
            " ON comparisons BEGIN"
            " UPDATE pairs SET vote_count = vote_count - (OLD.choice <> 'skip') WHERE id = OLD.pair_id;"
            " UPDATE pairs SET vote_count = vote_count + (NEW.choice <> 'skip') WHERE id = NEW.pair_id;"
            " UPDATE annotators SET vote_count = vote_count - 1 WHERE id = OLD.annotator_id;"
            " UPDATE annotators SET vote_count = vote_count + 1 WHERE id = NEW.annotator_id;"
            " END"),
    };
    return m;
}

// Version 3: labeling progress per incident kind, kept by triggers, so the status bar reads a
// handful of rows instead of joining every pair with its incident after each vote. Pairs carry
// their incident's kind because a cascaded delete no longer sees the incident row.
Migration kindProgress()
{
    Migration m;
    m.version = 3;
    m.description = QStringLiteral("per-kind labeling progress kept by triggers");
    m.statements = {
        QStringLiteral("ALTER TABLE pairs ADD COLUMN kind TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("UPDATE pairs SET kind = (SELECT kind FROM incidents WHERE id = pairs.incident_id)"),
        QStringLiteral(
            "CREATE TABLE kind_progress ("
            " kind TEXT PRIMARY KEY,"
            " pairs INTEGER NOT NULL DEFAULT 0,"
            " voted_pairs INTEGER NOT NULL DEFAULT 0,"
            " votes INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral(
            "INSERT INTO kind_progress (kind, pairs, voted_pairs, votes)"
            " SELECT kind, COUNT(*), SUM(vote_count > 0), SUM(vote_count) FROM pairs GROUP BY kind"),
        // A new pair is counted under the kind it was inserted with, then moved to its
        // incident's kind by the update trigger below. No INSERT OR IGNORE in triggers: the
        // recordVote upsert's conflict policy would override it and fail.
        QStringLiteral(
            "CREATE TRIGGER pairs_progress_insert AFTER INSERT ON pairs BEGIN"
            " INSERT INTO kind_progress (kind) SELECT NEW.kind"
            " WHERE NOT EXISTS (SELECT 1 FROM kind_progress WHERE kind = NEW.kind);"
            " UPDATE kind_progress SET pairs = pairs + 1, voted_pairs = voted_pairs + (NEW.vote_count > 0),"
            " votes = votes + NEW.vote_count WHERE kind = NEW.kind;"
            " UPDATE pairs SET kind = (SELECT kind FROM incidents WHERE id = NEW.incident_id)"
            " WHERE id = NEW.id AND kind IS NOT (SELECT kind FROM incidents WHERE id = NEW.incident_id);"
            " END"),
        QStringLiteral(
            "CREATE TRIGGER pairs_progress_update AFTER UPDATE OF vote_count, kind ON pairs BEGIN"
            " INSERT INTO kind_progress (kind) SELECT NEW.kind"
            " WHERE NOT EXISTS (SELECT 1 FROM kind_progress WHERE kind = NEW.kind);"
            " UPDATE kind_progress SET pairs = pairs - 1, voted_pairs = voted_pairs - (OLD.vote_count > 0),"
            " votes = votes - OLD.vote_count WHERE kind = OLD.kind;"
            " UPDATE kind_progress SET pairs = pairs + 1, voted_pairs = voted_pairs + (NEW.vote_count > 0),"
            " votes = votes + NEW.vote_count WHERE kind = NEW.kind;"
            " END"),
        QStringLiteral(
            "CREATE TRIGGER pairs_progress_delete AFTER DELETE ON pairs BEGIN"
            " UPDATE kind_progress SET pairs = pairs - 1, voted_pairs = voted_pairs - (OLD.vote_count > 0),"
            " votes = votes - OLD.vote_count WHERE kind = OLD.kind;"
            " END"),
        QStringLiteral(
            "CREATE TRIGGER incidents_kind_update AFTER UPDATE OF kind ON incidents BEGIN"
            " UPDATE pairs SET kind = NEW.kind WHERE incident_id = NEW.id;"
            " END"),
    };
    return m;
}

// Version 4: the labeling queue, gold answers and guidelines.
// - incidents.signature: the template signature of the failure (core/logs/log_signature.h);
//   pairs copy it (as they copy kind) so the queue can spread over distinct failures.
// - pairs.queue_rank: the k-th pair of its (kind, signature) stratum gets k + a random fraction,
//   so every failure's first pair comes before any failure's second. queue_strata keeps k per
//   stratum so that adding a pair never counts its stratum.
// - pairs.gold_choice: the known answer of a gold pair. A v3 gold pair had no answer, so it
//   could never score anyone: it becomes an ordinary pair.
// - pairs.reward_margin: a reward model's reward(A) - reward(B) (Store::setPairMargins).
// - guidelines: the labeling guidelines, one row per version.
Migration labelingQueue()
{
    Migration m;
    m.version = 4;
    m.description = QStringLiteral("labeling queue, gold answers, guidelines");
    m.statements = {
        QStringLiteral("ALTER TABLE incidents ADD COLUMN signature TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE pairs ADD COLUMN signature TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE pairs ADD COLUMN queue_rank REAL NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE pairs ADD COLUMN gold_choice TEXT"
                       " CHECK (gold_choice IN ('a_better','b_better','tie','both_bad'))"),
        QStringLiteral("ALTER TABLE pairs ADD COLUMN reward_margin REAL"),
        QStringLiteral("UPDATE pairs SET gold = 0 WHERE gold <> 0"),
        QStringLiteral(
            "CREATE TABLE queue_strata ("
            " kind TEXT NOT NULL,"
            " signature TEXT NOT NULL,"
            " pairs INTEGER NOT NULL DEFAULT 0,"
            " PRIMARY KEY (kind, signature)) WITHOUT ROWID"),
        // Existing pairs: rank k within their stratum in id order, plus a random fraction that
        // interleaves the strata at each k. (random() & 1048575 is never negative.)
        QStringLiteral(
            "UPDATE pairs SET queue_rank = ranked.k + (random() & 1048575) / 1048576.0"
            " FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY kind, signature ORDER BY id) - 1 AS k"
            " FROM pairs) AS ranked WHERE ranked.id = pairs.id"),
        QStringLiteral(
            "INSERT INTO queue_strata (kind, signature, pairs)"
            " SELECT kind, signature, COUNT(*) FROM pairs GROUP BY kind, signature"),
        // The queue walks: ordinary pairs and gold pairs, least voted first, then by rank.
        QStringLiteral("CREATE INDEX pairs_queue ON pairs(vote_count, queue_rank) WHERE gold_choice IS NULL"),
        QStringLiteral("CREATE INDEX pairs_gold_queue ON pairs(vote_count, queue_rank) WHERE gold_choice IS NOT NULL"),
        // A new pair takes its incident's signature and the next rank of its stratum. Read from
        // the incident, not from the new row: the kind trigger of v3 may not have run yet.
        QStringLiteral(
            "CREATE TRIGGER pairs_queue_insert AFTER INSERT ON pairs BEGIN"
            " INSERT INTO queue_strata (kind, signature) SELECT i.kind, i.signature FROM incidents i"
            " WHERE i.id = NEW.incident_id AND NOT EXISTS (SELECT 1 FROM queue_strata s"
            " WHERE s.kind = i.kind AND s.signature = i.signature);"
            " UPDATE queue_strata SET pairs = pairs + 1"
            " WHERE (kind, signature) = (SELECT kind, signature FROM incidents WHERE id = NEW.incident_id);"
            " UPDATE pairs SET signature = (SELECT signature FROM incidents WHERE id = NEW.incident_id),"
            " queue_rank = (SELECT s.pairs - 1 FROM queue_strata s JOIN incidents i"
            " ON s.kind = i.kind AND s.signature = i.signature WHERE i.id = NEW.incident_id)"
            " + (random() & 1048575) / 1048576.0"
            " WHERE id = NEW.id;"
            " END"),
        QStringLiteral(
            "CREATE TRIGGER incidents_signature_update AFTER UPDATE OF signature ON incidents BEGIN"
            " UPDATE pairs SET signature = NEW.signature WHERE incident_id = NEW.id;"
            " END"),
        QStringLiteral(
            "CREATE TABLE guidelines ("
            " version INTEGER PRIMARY KEY,"
            " text TEXT NOT NULL,"
            " author TEXT NOT NULL,"
            " created_at TEXT NOT NULL)"),
    };
    return m;
}

// Version 5: blind A/B review votes of the review view. Kept apart from pairs/comparisons on
// purpose: a review pair lives on a held-out incident, and a row in `pairs` would enter the
// labeling queue, its progress counters and, through votes, training data. Each vote keeps the
// two texts it judged, so a later evaluation with other seeds does not change what was voted on.
Migration reviewVotes()
{
    Migration m;
    m.version = 5;
    m.description = QStringLiteral("blind A/B review votes between two models on held-out incidents");
    m.statements = {
        QStringLiteral(
            "CREATE TABLE review_votes ("
            " id INTEGER PRIMARY KEY,"
            " incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,"
            " model_a TEXT NOT NULL,"
            " model_b TEXT NOT NULL,"
            " text_a TEXT NOT NULL,"
            " text_b TEXT NOT NULL,"
            " shown_left TEXT NOT NULL CHECK (shown_left IN ('a','b')),"
            " choice TEXT NOT NULL CHECK (choice IN ('a_better','b_better','tie','both_bad')),"
            " reviewer TEXT NOT NULL DEFAULT '',"
            " created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX review_votes_models ON review_votes(model_a, model_b)"),
    };
    return m;
}

} // namespace

const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> list{initialSchema(), voteCounters(), kindProgress(),
                                             labelingQueue(), reviewVotes()};
    return list;
}

} // namespace lab
