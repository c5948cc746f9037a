// rlhf-lab-cli: the headless face of the lab. Links core only.
#include "cli_output.h"
#include "command.h"

#include "core/runtime/runtime_info.h"
#include "core/common/thread_environment.h"

#include <QCoreApplication>
#include <algorithm>

using namespace lab::cli;

namespace {

int printOverview()
{
    QString text = QStringLiteral("Usage: rlhf-lab-cli COMMAND [ARGS...]\n\n"
                                  "RLHF Log Lab, headless: logs, synthetic incidents, votes, "
                                  "training, evaluation.\n\nCommands:\n");
    std::vector<Command> sorted = commands();
    std::sort(sorted.begin(), sorted.end(), [](const Command &a, const Command &b) { return a.name < b.name; });
    for (const Command &c : sorted)
        text += QStringLiteral("  %1 %2\n").arg(c.name, -18).arg(c.summary);
    text += QStringLiteral("\nEvery command takes --help. Also: --version.\n");
    printOut(text);
    return kExitOk;
}

int printVersion()
{
    const lab::RuntimeInfo info = lab::runtimeInfo();
    printOut(QStringLiteral("rlhf-lab-cli %1 (Qt %2, LibTorch %3, BLAS %4)\n")
                 .arg(QStringLiteral(LAB_VERSION), QString::fromLatin1(qVersion()), info.torchVersion,
                      info.blasLibrary.isEmpty() ? QStringLiteral("unknown") : info.blasLibrary));
    return kExitOk;
}

} // namespace

int main(int argc, char **argv)
{
    lab::ensureThreadEnvironment(argc, argv);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rlhf-lab"));
    QCoreApplication::setOrganizationName(QStringLiteral("RLHF Log Lab"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("rlhf-log-lab.org"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LAB_VERSION));

    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")
        || args.first() == QLatin1String("help"))
        return printOverview();
    if (args.first() == QLatin1String("--version"))
        return printVersion();

    // Longest match first: "logs stats" before a possible "logs".
    const Command *best = nullptr;
    int bestWords = 0;
    for (const Command &c : commands()) {
        const QStringList words = c.name.split(QLatin1Char(' '));
        if (words.size() > args.size() || words.size() <= bestWords)
            continue;
        if (std::equal(words.begin(), words.end(), args.begin())) {
            best = &c;
            bestWords = int(words.size());
        }
    }
    if (!best) {
        QStringList group;
        for (const Command &c : commands()) {
            if (c.name.startsWith(args.first() + QLatin1Char(' ')))
                group << c.name;
        }
        if (!group.isEmpty())
            return fail(QStringLiteral("'%1' needs a subcommand: %2").arg(args.first(), group.join(QStringLiteral(", "))), kExitUsage);
        return fail(QStringLiteral("unknown command '%1' (see: rlhf-lab-cli --help)").arg(args.first()), kExitUsage);
    }
    lab::initRuntime();
    return best->run(args.mid(bestWords));
}
