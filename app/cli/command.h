#pragma once
// The rlhf-lab-cli command table. A command file registers itself with
//   static const lab::cli::Registrar reg{{"logs stats", "lines, format, levels, time span", runLogsStats}};
// and receives its own arguments (after the command words) in `args`.
#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

namespace lab::cli {

struct Command
{
    QString name;     // one or two words: "synth", "logs stats"
    QString summary;  // one line for the overview
    std::function<int(const QStringList &args)> run;
};

const std::vector<Command> &commands();

struct Registrar
{
    explicit Registrar(Command command);
};

} // namespace lab::cli
