// Checkpoint I/O speed: saves a model-sized set of tensors (default 64 MiB of float32 in 2 MiB
// tensors, like a small Llama's layers) as F32 and BF16, then opens and loads every tensor back.
//
//   bench_safetensors [--mib N] [--dir FOLDER]
#include "core/model/safetensors.h"

#include <torch/torch.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

using namespace lab;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption mibOption(QStringLiteral("mib"),
                                       QStringLiteral("MiB of float32 weights."),
                                       QStringLiteral("n"), QStringLiteral("64"));
    const QCommandLineOption dirOption(
        QStringLiteral("dir"), QStringLiteral("Folder to write in (default: a temporary one)."),
        QStringLiteral("folder"));
    parser.addOptions({mibOption, dirOption});
    parser.process(app);
    QTextStream out(stdout);

    QTemporaryDir temp(parser.isSet(dirOption)
                           ? parser.value(dirOption) + QStringLiteral("/bench-XXXXXX")
                           : QString());
    const int mib = std::max(2, parser.value(mibOption).toInt());
    std::vector<std::pair<std::string, at::Tensor>> tensors;
    torch::manual_seed(0);
    for (int i = 0; i < mib / 2; ++i)
        tensors.emplace_back("layers." + std::to_string(i) + ".weight", torch::randn({512, 1024}));

    for (const auto &[label, type] :
         {std::pair{"F32", torch::kFloat}, std::pair{"BF16", torch::kBFloat16}}) {
        const QString file =
            temp.filePath(QStringLiteral("bench-%1.safetensors").arg(QLatin1String(label)));
        QElapsedTimer timer;
        timer.start();
        const Status saved = saveSafetensors(file, tensors, {{"bench", "1"}}, type);
        const double saveS = timer.nsecsElapsed() / 1e9;
        if (!saved) {
            out << saved.error() << Qt::endl;
            return 1;
        }
        const double fileMb = QFileInfo(file).size() / 1e6;
        timer.restart();
        auto opened = SafetensorsFile::open(file);
        const double openMs = timer.nsecsElapsed() / 1e6;
        if (!opened) {
            out << opened.error() << Qt::endl;
            return 1;
        }
        timer.restart();
        double checksum = 0;
        for (const std::string &name : opened->names())
            checksum += opened->tensor(name)->sum().item<double>();
        const double loadS = timer.nsecsElapsed() / 1e9;
        out << QStringLiteral("%1: %2 MB file, save (fsync included) %3 s = %4 MB/s, open %5 ms, "
                              "load all as float32 %6 s = %7 MB/s (checksum %8)\n")
                   .arg(QLatin1String(label))
                   .arg(fileMb, 0, 'f', 1)
                   .arg(saveS, 0, 'f', 3)
                   .arg(fileMb / saveS, 0, 'f', 0)
                   .arg(openMs, 0, 'f', 2)
                   .arg(loadS, 0, 'f', 3)
                   .arg(fileMb / loadS, 0, 'f', 0)
                   .arg(checksum, 0, 'f', 1);
    }
    return 0;
}
