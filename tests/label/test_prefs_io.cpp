// Preference interchange: TRL and unpaired round trips (export, import into an empty database,
// export again gives the same lines; import into the same database changes nothing), and the
// validation of malformed files (bad lines reported by number, nothing imported unless told to
// skip them).
#include "core/synth/auto_label.h"
#include "core/label/prefs_io.h"
#include "core/logs/log_digest.h"
#include "core/store/store.h"
#include "core/synth/synth_project.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace lab;

namespace {

std::shared_ptr<Store> openStore(const QString &path)
{
    auto opened = Store::open(path);
    if (!opened.ok())
        qFatal("%s", qPrintable(opened.error()));
    return *opened;
}

QByteArray exportBytes(Store &store, PrefsFormat format, ExportSummary *summary = nullptr, const QString &annotator = {})
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    PrefsExportOptions options;
    options.format = format;
    options.annotator = annotator;
    auto result = exportPreferences(store, buffer, options);
    if (!result.ok())
        qFatal("%s", qPrintable(result.error()));
    if (summary)
        *summary = *result;
    return buffer.data();
}

Result<ImportSummary> importBytes(Store &store, const QByteArray &bytes, bool skipBadLines = false, const QString &annotator = {})
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    PrefsImportOptions options;
    options.skipBadLines = skipBadLines;
    options.annotator = annotator;
    options.source = QStringLiteral("test.jsonl");
    return importPreferences(store, buffer, options);
}

QList<QJsonObject> parseLines(const QByteArray &bytes)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : bytes.split('\n')) {
        if (!line.isEmpty())
            out << QJsonDocument::fromJson(line).object();
    }
    return out;
}

// The lines with the database ids taken out, for comparing exports of two databases.
QList<QJsonObject> withoutIds(const QByteArray &bytes)
{
    QList<QJsonObject> out = parseLines(bytes);
    for (QJsonObject &o : out)
        o.remove(QStringLiteral("pair_id"));
    return out;
}

qint64 countRows(Store &store, const char *table)
{
    QSqlQuery q(*store.connection());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + QString::fromLatin1(table)) || !q.next())
        qFatal("cannot count %s", table);
    return q.value(0).toLongLong();
}

struct Snapshot
{
    qint64 incidents = 0, explanations = 0, pairs = 0, annotators = 0;
    QList<QByteArray> votes;
    bool operator==(const Snapshot &) const = default;
};

Snapshot snapshot(Store &store)
{
    Snapshot s;
    s.incidents = countRows(store, "incidents");
    s.explanations = countRows(store, "explanations");
    s.pairs = countRows(store, "pairs");
    s.annotators = countRows(store, "annotators");
    const auto votes = store.votes();
    for (const VoteRecord &v : *votes) {
        s.votes << QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9")
                       .arg(v.id)
                       .arg(v.pairId)
                       .arg(v.annotatorId)
                       .arg(candidateToString(v.shownLeft), voteChoiceToString(v.choice), v.tags.join(QLatin1Char(',')),
                            v.rationale, v.guidelineVersion, v.createdAt.toString(Qt::ISODateWithMs))
                       .toUtf8();
    }
    return s;
}

// A synthetic project with two simulated engineers and a human who used every verdict.
void fillProject(Store &store)
{
    auto synth = synth::writeSyntheticIncidents(store, 11, 6);
    if (!synth.ok())
        qFatal("%s", qPrintable(synth.error()));
    for (int i = 1; i <= 2; ++i) {
        AutoLabelOptions options;
        options.annotator = QStringLiteral("engineer-%1").arg(i);
        options.seed = quint64(i);
        options.noise = 0.2;
        auto labeled = autoLabelAs(store, options);
        if (!labeled.ok())
            qFatal("%s", qPrintable(labeled.error()));
    }
    const qint64 human = store.ensureAnnotator(QStringLiteral("Zoë"))->id;
    const QVector<PairRecord> pairs = *store.pairs();
    const VoteChoice choices[] = {VoteChoice::ABetter, VoteChoice::BBetter, VoteChoice::Tie, VoteChoice::BothBad,
                                  VoteChoice::Skip};
    for (int i = 0; i < 10; ++i) {
        VoteRecord v;
        v.annotatorId = human;
        v.pairId = pairs[i].id;
        v.choice = choices[i % 5];
        v.shownLeft = i % 3 == 0 ? Candidate::B : Candidate::A;
        v.tags = i % 2 ? QStringList{QStringLiteral("hallucination"), QStringLiteral("too_verbose")} : QStringList{};
        v.rationale = i % 2 ? QStringLiteral("says \"pod\" twice,\nthen\tinvents a host — ünïcode") : QString();
        v.guidelineVersion = QStringLiteral("3");
        v.createdAt = QDateTime(QDate(2024, 5, 1), QTime(10, 0, i, 123), QTimeZone::utc());
        if (!store.recordVote(v).ok())
            qFatal("vote failed");
    }
}

const QByteArray kPrompt = "ERROR Executor 3 lost: OOM\n### Explanation:\n";

QByteArray trlLine(const QString &chosen, const QString &rejected, const QString &prompt = QString::fromUtf8(kPrompt))
{
    QJsonObject o{{QStringLiteral("prompt"), prompt}, {QStringLiteral("chosen"), chosen}, {QStringLiteral("rejected"), rejected}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

class TestPrefsIo : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_serial = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("db%1.db").arg(++m_serial)); }

private Q_SLOTS:
    void trlExportShape()
    {
        auto store = openStore(freshPath());
        fillProject(*store);
        ExportSummary summary;
        const QByteArray bytes = exportBytes(*store, PrefsFormat::Trl, &summary);
        const QList<QJsonObject> lines = parseLines(bytes);
        QCOMPARE(summary.votes, *store->countVotes());
        QCOMPARE(summary.written + summary.ties + summary.bothBad + summary.skips, summary.votes);
        QCOMPARE(qint64(lines.size()), summary.written);
        QVERIFY(summary.ties >= 2 && summary.bothBad >= 2);
        QCOMPARE(summary.skips, 2); // only the human skips
        QVERIFY(bytes.startsWith("{\"prompt\":\"")); // prompt, chosen, rejected come first
        for (const QJsonObject &o : lines) {
            const qint64 pairId = o.value(QStringLiteral("pair_id")).toInteger();
            const PairRecord pair = *store->pair(pairId);
            // The prompt is the one the model is trained and asked on.
            const QString log = store->logFor(pair.incidentId)->content;
            QCOMPARE(o.value(QStringLiteral("prompt")).toString(), explanationPrompt(digestLog(log).text));
            const QString a = store->explanation(pair.explanationA)->text;
            const QString b = store->explanation(pair.explanationB)->text;
            const bool aChosen = o.value(QStringLiteral("chosen_candidate")).toString() == QLatin1String("a");
            QCOMPARE(o.value(QStringLiteral("chosen")).toString(), aChosen ? a : b);
            QCOMPARE(o.value(QStringLiteral("rejected")).toString(), aChosen ? b : a);
            QCOMPARE(o.value(QStringLiteral("choice")).toString(), aChosen ? QStringLiteral("a_better") : QStringLiteral("b_better"));
            QVERIFY(!o.value(QStringLiteral("annotator")).toString().isEmpty());
            QVERIFY(o.value(QStringLiteral("tags")).isArray());
        }
        // --annotator narrows to one annotator's votes.
        const QList<QJsonObject> zoe = parseLines(exportBytes(*store, PrefsFormat::Trl, nullptr, QStringLiteral("Zoë")));
        QCOMPARE(zoe.size(), 4); // 10 votes: 2 a_better + 2 b_better
        for (const QJsonObject &o : zoe)
            QCOMPARE(o.value(QStringLiteral("annotator")).toString(), QStringLiteral("Zoë"));
    }

    void trlRoundTrip()
    {
        auto original = openStore(freshPath());
        fillProject(*original);
        const QByteArray first = exportBytes(*original, PrefsFormat::Trl);

        // Into an empty database: the same lines come back out (ids aside).
        auto copy = openStore(freshPath());
        auto imported = importBytes(*copy, first);
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(imported->format, QStringLiteral("trl"));
        QCOMPARE(imported->badLines, 0);
        QCOMPARE(imported->imported, qint64(parseLines(first).size()));
        QCOMPARE(imported->incidentsCreated, 6); // every incident had a sided vote
        const QByteArray second = exportBytes(*copy, PrefsFormat::Trl);
        QCOMPARE(withoutIds(second), withoutIds(first));

        // Importing the same file again into the copy changes nothing (matched by prompt and texts
        // there, since the file's pair ids are the original database's).
        const Snapshot copyBefore = snapshot(*copy);
        auto again = importBytes(*copy, first);
        QVERIFY2(again.ok(), qPrintable(again.error()));
        QCOMPARE(again->incidentsCreated, 0);
        QCOMPARE(again->pairsCreated, 0);
        QVERIFY(snapshot(*copy) == copyBefore);
        // And the copy's own export imported into itself (matched by pair id) changes nothing.
        QVERIFY(importBytes(*copy, second).ok());
        QVERIFY(snapshot(*copy) == copyBefore);
        QCOMPARE(exportBytes(*copy, PrefsFormat::Trl), second);

        // Export then import into the same database changes nothing.
        const Snapshot before = snapshot(*original);
        auto same = importBytes(*original, first);
        QVERIFY2(same.ok(), qPrintable(same.error()));
        QCOMPARE(same->pairsCreated, 0);
        QCOMPARE(same->incidentsCreated, 0);
        QVERIFY(snapshot(*original) == before);
    }

    void unpairedRoundTrip()
    {
        auto original = openStore(freshPath());
        fillProject(*original);
        ExportSummary summary;
        const QByteArray first = exportBytes(*original, PrefsFormat::Unpaired, &summary);
        const QList<QJsonObject> lines = parseLines(first);
        // Two lines per sided or both-bad vote: one true and one false, or two false.
        QCOMPARE(qint64(lines.size()), summary.written);
        QCOMPARE(summary.written, 2 * (summary.votes - summary.ties - summary.skips));
        qint64 trues = 0;
        for (const QJsonObject &o : lines)
            trues += o.value(QStringLiteral("label")).toBool() ? 1 : 0;
        QCOMPARE(trues, summary.votes - summary.ties - summary.skips - summary.bothBad);

        auto copy = openStore(freshPath());
        auto imported = importBytes(*copy, first);
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(imported->format, QStringLiteral("unpaired"));
        QCOMPARE(imported->badLines, 0);
        QCOMPARE(imported->imported, summary.votes - summary.ties - summary.skips);
        QCOMPARE(withoutIds(exportBytes(*copy, PrefsFormat::Unpaired)), withoutIds(first));
        // The TRL view of the copy equals the original's too (both-bad and ties aside, same votes).
        QCOMPARE(withoutIds(exportBytes(*copy, PrefsFormat::Trl)), withoutIds(exportBytes(*original, PrefsFormat::Trl)));

        const Snapshot before = snapshot(*original);
        QVERIFY(importBytes(*original, first).ok());
        QVERIFY(snapshot(*original) == before);
    }

    void foreignTrlFile()
    {
        // A TRL file from elsewhere: no ids, no annotator. Each prompt becomes one incident.
        auto store = openStore(freshPath());
        const QString otherPrompt = QStringLiteral("kubelet: Back-off restarting failed container\n### Explanation:\n");
        const QByteArray file = trlLine(QStringLiteral("Executor 3 ran out of memory."), QStringLiteral("Something failed.")) +
                                trlLine(QStringLiteral("Executor 3 ran out of memory."), QStringLiteral("Disk is full.")) +
                                trlLine(QStringLiteral("The container crash-loops."), QStringLiteral("All good."), otherPrompt);
        auto imported = importBytes(*store, file);
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(imported->imported, 3);
        QCOMPARE(imported->incidentsCreated, 2);
        QCOMPARE(imported->pairsCreated, 3);
        QCOMPARE(countRows(*store, "explanations"), 5);
        // The incident's log is the prompt without the cue.
        const IncidentRecord incident = store->incidents()->front();
        QCOMPARE(incident.origin, QString(kOriginImported));
        QCOMPARE(store->logFor(incident.id)->content, QStringLiteral("ERROR Executor 3 lost: OOM"));
        const VoteRecord vote = store->votes()->front();
        QCOMPARE(store->annotators()->front().name, QStringLiteral("imported"));
        QCOMPARE(vote.choice, VoteChoice::ABetter); // chosen is candidate A when the file does not say
        // The prompt comes back exactly.
        const QList<QJsonObject> out = parseLines(exportBytes(*store, PrefsFormat::Trl));
        QCOMPARE(out.size(), 3);
        QCOMPARE(out[0].value(QStringLiteral("prompt")).toString(), QString::fromUtf8(kPrompt));
        QCOMPARE(out[2].value(QStringLiteral("prompt")).toString(), otherPrompt);
        // --annotator signs every vote with the given name: new votes, same pairs.
        auto signedImport = importBytes(*store, file, false, QStringLiteral("reviewer"));
        QVERIFY(signedImport.ok());
        QCOMPARE(signedImport->pairsCreated, 0);
        QCOMPARE(*store->countVotes(), 6);
        QVERIFY(store->annotatorByName(QStringLiteral("reviewer"))->has_value());
    }

    void malformedFiles_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("error");
        const QByteArray good = trlLine(QStringLiteral("chosen text"), QStringLiteral("rejected text"));
        QTest::newRow("not json") << good + "{\"prompt\": \"x\", \"chosen\": \n" << QStringLiteral("line 2: not JSON");
        QTest::newRow("array") << good + "[1, 2]\n" << QStringLiteral("line 2: not a JSON object");
        QTest::newRow("missing key") << good + "{\"prompt\":\"p\",\"rejected\":\"r\"}\n"
                                     << QStringLiteral("line 2: 'chosen' is missing");
        QTest::newRow("wrong type") << good + "{\"prompt\":\"p\",\"chosen\":5,\"rejected\":\"r\"}\n"
                                    << QStringLiteral("line 2: 'chosen' must be a string");
        QTest::newRow("empty string") << good + "{\"prompt\":\"  \",\"chosen\":\"c\",\"rejected\":\"r\"}\n"
                                      << QStringLiteral("line 2: 'prompt' is empty");
        QTest::newRow("same texts") << good + "{\"prompt\":\"p\",\"chosen\":\"c\",\"rejected\":\"c\"}\n"
                                    << QStringLiteral("line 2: 'chosen' and 'rejected' are the same text");
        QTest::newRow("unknown format") << good + "{\"prompt\":\"p\",\"answer\":\"c\"}\n"
                                        << QStringLiteral("line 2: neither a TRL line");
        QTest::newRow("mixed formats") << good + "{\"prompt\":\"p\",\"completion\":\"c\",\"label\":true}\n"
                                       << QStringLiteral("line 2: a unpaired line in a trl file");
        QTest::newRow("bad shown_left") << good + "{\"prompt\":\"p\",\"chosen\":\"c\",\"rejected\":\"r\",\"shown_left\":\"left\"}\n"
                                        << QStringLiteral("line 2: 'shown_left' must be \"a\" or \"b\"");
        QTest::newRow("bad created_at") << good + "{\"prompt\":\"p\",\"chosen\":\"c\",\"rejected\":\"r\",\"created_at\":\"yesterday\"}\n"
                                        << QStringLiteral("line 2: 'created_at' is not an ISO 8601 time");
        QTest::newRow("bad pair_id") << good + "{\"prompt\":\"p\",\"chosen\":\"c\",\"rejected\":\"r\",\"pair_id\":-4}\n"
                                     << QStringLiteral("line 2: 'pair_id' must be a positive whole number");
        QTest::newRow("bad tags") << good + "{\"prompt\":\"p\",\"chosen\":\"c\",\"rejected\":\"r\",\"tags\":[\"x\",3]}\n"
                                  << QStringLiteral("line 2: 'tags' must be an array of non-empty strings");
        QTest::newRow("unknown choice") << good + "{\"prompt\":\"p\",\"chosen\":\"c\",\"rejected\":\"r\",\"choice\":\"meh\"}\n"
                                        << QStringLiteral("line 2: 'choice' must be a_better, b_better or both_bad");
        QTest::newRow("label not bool")
            << QByteArray("{\"prompt\":\"p\",\"completion\":\"c\",\"label\":\"yes\",\"pair_id\":1}\n"
                          "{\"prompt\":\"p\",\"completion\":\"d\",\"label\":false,\"pair_id\":1}\n")
            << QStringLiteral("line 1: 'label' must be true or false");
        QTest::newRow("unpaired without partner")
            << QByteArray("{\"prompt\":\"p\",\"completion\":\"c\",\"label\":true,\"pair_id\":1}\n"
                          "{\"prompt\":\"p\",\"completion\":\"d\",\"label\":false,\"pair_id\":1}\n"
                          "{\"prompt\":\"q\",\"completion\":\"e\",\"label\":true,\"pair_id\":2}\n")
            << QStringLiteral("line 3: no partner line");
        QTest::newRow("unpaired both true")
            << QByteArray("{\"prompt\":\"p\",\"completion\":\"c\",\"label\":true}\n"
                          "{\"prompt\":\"p\",\"completion\":\"d\",\"label\":true}\n")
            << QStringLiteral("line 1: both completions are labeled true");
    }
    void malformedFiles()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, error);
        auto store = openStore(freshPath());
        const Snapshot before = snapshot(*store);
        auto result = importBytes(*store, file);
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QVERIFY(result->badLines >= 1);
        QCOMPARE(result->imported, 0);
        QVERIFY2(result->errors.join(QLatin1Char('\n')).contains(error), qPrintable(result->errors.join(QLatin1Char('\n'))));
        QVERIFY(snapshot(*store) == before); // nothing written
    }

    void badLineInTheMiddle()
    {
        const QByteArray file = trlLine(QStringLiteral("c1"), QStringLiteral("r1")) + "\n   \n" + // blank lines are fine
                                "{\"prompt\":\"p\",\"chosen\":\"c\"}\n" +                           // line 4: bad
                                trlLine(QStringLiteral("c2"), QStringLiteral("r2")) + "\n";
        auto store = openStore(freshPath());
        auto strict = importBytes(*store, file);
        QVERIFY(strict.ok());
        QCOMPARE(strict->lines, 3);
        QCOMPARE(strict->badLines, 1);
        QCOMPARE(strict->errors, QStringList{QStringLiteral("line 4: 'rejected' is missing")});
        QCOMPARE(strict->imported, 0);
        QCOMPARE(*store->countVotes(), 0);
        QCOMPARE(countRows(*store, "incidents"), 0);

        auto lenient = importBytes(*store, file, true);
        QVERIFY(lenient.ok());
        QCOMPARE(lenient->badLines, 1);
        QCOMPARE(lenient->imported, 2);
        QCOMPARE(*store->countVotes(), 2);
    }

    void blankAndEmptyFiles()
    {
        auto store = openStore(freshPath());
        auto empty = importBytes(*store, QByteArray("\n\n  \n"));
        QVERIFY(empty.ok());
        QCOMPARE(empty->lines, 0);
        QCOMPARE(empty->imported, 0);
        QVERIFY(empty->errors.isEmpty());
        // Windows line ends and a missing final newline are read the same.
        QByteArray crlf = trlLine(QStringLiteral("c1"), QStringLiteral("r1"));
        crlf.replace("\n", "\r\n");
        auto read = importBytes(*store, crlf + trlLine(QStringLiteral("c2"), QStringLiteral("r2")).trimmed());
        QVERIFY(read.ok());
        QCOMPARE(read->badLines, 0);
        QCOMPARE(read->imported, 2);
    }
};

QTEST_GUILESS_MAIN(TestPrefsIo)
#include "test_prefs_io.moc"
