#pragma once
// What the commands that work on a project database share: --db F and --json, opening the
// store with one clear line on failure, and reading a seed.
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonObject>
#include <memory>

namespace lab {
class Store;
}

namespace lab::cli {

class ProjectArgs
{
public:
    // Adds --db F (described by `dbHelp`) and --json to `parser`.
    explicit ProjectArgs(QCommandLineParser &parser,
                         const QString &dbHelp = QStringLiteral("Project database (created if missing)."));

    bool json() const { return m_parser.isSet(m_json); }
    QString dbPath() const { return m_parser.value(m_db); }

    // Opens the --db project into `store`. Returns -1 to go on, or the exit code to return at once
    // (--db missing: usage error; the file cannot be opened: the store's message).
    int openStore(const QString &command, std::shared_ptr<Store> &store) const;

private:
    QCommandLineParser &m_parser;
    QCommandLineOption m_db;
    QCommandLineOption m_json;
};

// Reads a non-negative whole number (a seed) from `option`. Returns -1 to go on, or the usage
// exit code after saying what was wrong.
int readSeed(const QCommandLineParser &parser, const QCommandLineOption &option, quint64 &seed);

// When --steps (`option`) is given, checks it is a whole number >= 1 and sets config["steps"],
// which overrides a --config file. Returns -1 to go on, or the usage exit code after saying why.
int readStepsInto(const QCommandLineParser &parser, const QCommandLineOption &option, QJsonObject &config);

} // namespace lab::cli
