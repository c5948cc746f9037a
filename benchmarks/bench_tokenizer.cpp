// Tokenizer speed: trains the project tokenizer on synthetic incidents (as `train` would before a
// run), then encodes unseen logs one by one and in a batch, and decodes them. Encoding every
// training example once per run must stay a small part of training time.
//
//   bench_tokenizer [--train-incidents N] [--encode-incidents N] [--vocab N] [--threads N]
#include "core/synth/explanation_writer.h"
#include "core/synth/incident_generator.h"
#include "core/text/tokenizer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <ctime>

using namespace lab;

namespace {

QTextStream out(stdout);

double processCpuS()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

QStringList corpus(quint64 seed, int count, qint64 *bytes)
{
    QStringList texts;
    const auto incidents = synth::generateIncidents(seed, count);
    for (const synth::Incident &incident : *incidents) {
        texts << incident.log;
        for (const auto &explanation : synth::writeAllExplanations(incident))
            texts << explanation.text;
    }
    *bytes = 0;
    for (const QString &t : texts)
        *bytes += t.toUtf8().size();
    return texts;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption trainOption(QStringLiteral("train-incidents"),
                                         QStringLiteral("Incidents to train on."),
                                         QStringLiteral("n"), QStringLiteral("210"));
    const QCommandLineOption encodeOption(QStringLiteral("encode-incidents"),
                                          QStringLiteral("Unseen incidents to encode."),
                                          QStringLiteral("n"), QStringLiteral("210"));
    const QCommandLineOption vocabOption(QStringLiteral("vocab"),
                                         QStringLiteral("Vocabulary size."), QStringLiteral("n"),
                                         QStringLiteral("4096"));
    const QCommandLineOption threadsOption(
        QStringLiteral("threads"), QStringLiteral("Threads for training and batch encoding."),
        QStringLiteral("n"), QStringLiteral("2"));
    parser.addOptions({trainOption, encodeOption, vocabOption, threadsOption});
    parser.process(app);
    const int threads = parser.value(threadsOption).toInt();

    QTemporaryDir dir;
    qint64 trainBytes = 0;
    const QStringList trainTexts = corpus(1, parser.value(trainOption).toInt(), &trainBytes);
    TokenizerTrainOptions options;
    options.vocabSize = parser.value(vocabOption).toInt();
    options.numThreads = threads;
    QElapsedTimer timer;
    double cpu = processCpuS();
    timer.start();
    const Status trained =
        Tokenizer::train(trainTexts, dir.filePath(QStringLiteral("bench")), options);
    if (!trained) {
        out << "training failed: " << trained.error() << Qt::endl;
        return 1;
    }
    out << QStringLiteral("train: %1 texts, %2 MB, vocab %3: %4 s wall, %5 s CPU\n")
               .arg(trainTexts.size())
               .arg(trainBytes / 1e6, 0, 'f', 2)
               .arg(options.vocabSize)
               .arg(timer.nsecsElapsed() / 1e9, 0, 'f', 2)
               .arg(processCpuS() - cpu, 0, 'f', 2);

    auto tokenizer = Tokenizer::load(dir.filePath(QStringLiteral("bench.model")));
    if (!tokenizer) {
        out << tokenizer.error() << Qt::endl;
        return 1;
    }
    qint64 bytes = 0;
    const QStringList texts = corpus(2, parser.value(encodeOption).toInt(), &bytes);

    qint64 tokens = 0;
    std::vector<std::vector<int>> encoded;
    cpu = processCpuS();
    timer.restart();
    for (const QString &text : texts) {
        encoded.push_back(tokenizer->encode(text));
        tokens += static_cast<qint64>(encoded.back().size());
    }
    double wall = timer.nsecsElapsed() / 1e9;
    out << QStringLiteral("encode, one thread: %1 MB -> %2 tokens (%3 tokens/byte) in %4 s: %5 "
                          "MB/s, %6 k tokens/s (%7 s CPU)\n")
               .arg(bytes / 1e6, 0, 'f', 2)
               .arg(tokens)
               .arg(double(tokens) / double(bytes), 0, 'f', 3)
               .arg(wall, 0, 'f', 3)
               .arg(bytes / 1e6 / wall, 0, 'f', 2)
               .arg(tokens / 1e3 / wall, 0, 'f', 0)
               .arg(processCpuS() - cpu, 0, 'f', 3);

    cpu = processCpuS();
    timer.restart();
    const auto batch = tokenizer->encodeBatch(texts, threads);
    wall = timer.nsecsElapsed() / 1e9;
    out << QStringLiteral("encodeBatch, %1 threads: %2 s: %3 MB/s (%4 s CPU)%5\n")
               .arg(threads)
               .arg(wall, 0, 'f', 3)
               .arg(bytes / 1e6 / wall, 0, 'f', 2)
               .arg(processCpuS() - cpu, 0, 'f', 3)
               .arg(batch == encoded ? QString()
                                     : QStringLiteral("  MISMATCH with single-thread ids"));

    cpu = processCpuS();
    timer.restart();
    qint64 mismatches = 0;
    for (std::size_t i = 0; i < encoded.size(); ++i)
        mismatches += *tokenizer->decode(encoded[i]) == texts[qsizetype(i)] ? 0 : 1;
    wall = timer.nsecsElapsed() / 1e9;
    out << QStringLiteral(
               "decode: %1 s: %2 MB/s (%3 s CPU), %4 texts differ after the round trip\n")
               .arg(wall, 0, 'f', 3)
               .arg(bytes / 1e6 / wall, 0, 'f', 2)
               .arg(processCpuS() - cpu, 0, 'f', 3)
               .arg(mismatches);
    out.flush();
    return mismatches == 0 && batch == encoded ? 0 : 1;
}
