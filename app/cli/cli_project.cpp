#include "cli_project.h"

#include "cli_output.h"

#include "core/store/store.h"

namespace lab::cli {

ProjectArgs::ProjectArgs(QCommandLineParser &parser, const QString &dbHelp)
    : m_parser(parser),
      m_db(QStringLiteral("db"), dbHelp, QStringLiteral("F")),
      m_json(QStringLiteral("json"), QStringLiteral("Print one JSON object."))
{
    m_parser.addOptions({m_db, m_json});
}

int ProjectArgs::openStore(const QString &command, std::shared_ptr<Store> &store) const
{
    if (!m_parser.isSet(m_db))
        return fail(command + QStringLiteral(" needs --db F"), kExitUsage);
    auto opened = Store::open(m_parser.value(m_db));
    if (!opened)
        return fail(opened.error());
    store = std::move(*opened);
    return -1;
}

int readSeed(const QCommandLineParser &parser, const QCommandLineOption &option, quint64 &seed)
{
    bool ok = false;
    seed = parser.value(option).toULongLong(&ok);
    if (!ok)
        return fail(QStringLiteral("--%1 must be a non-negative whole number (got '%2')")
                        .arg(option.names().constFirst(), parser.value(option)),
                    kExitUsage);
    return -1;
}

int readStepsInto(const QCommandLineParser &parser, const QCommandLineOption &option, QJsonObject &config)
{
    if (!parser.isSet(option))
        return -1;
    bool ok = false;
    const qint64 steps = parser.value(option).toLongLong(&ok);
    if (!ok || steps < 1)
        return fail(QStringLiteral("--%1 must be a whole number >= 1 (got '%2')")
                        .arg(option.names().constFirst(), parser.value(option)),
                    kExitUsage);
    config.insert(QStringLiteral("steps"), double(steps));
    return -1;
}

} // namespace lab::cli
