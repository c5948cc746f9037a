// bench_log_view: how the GUI's log view behaves on a big file. Not a test (ctest does not run
// it): it prints one JSON object with times and event-loop latencies, so that "stays responsive
// while indexing/searching" is a measured number, not a claim.
//
//   bench_log_view [--repeat N] [FILE]
// Without FILE it writes loghub Hadoop_2k repeated N times (default 500: 1M lines) to a
// temporary file. Run under QT_QPA_PLATFORM=offscreen.
// Waits run the event loop itself (no QtTest: a benchmark builds without the test suites).
#include "core/common/paths.h"
#include "core/logs/log_file.h"
#include "ui/log_text_view.h"
#include "ui/log_view.h"
#include "ui/template_panel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QWindow>
#include <cstdio>
#include <functional>

using namespace lab;

namespace {

// Measures the longest gap between ticks of a 5 ms timer while `busy` holds: how long the GUI
// thread was unable to react (input, repaint) while background work ran.
struct LatencyProbe
{
    QTimer timer;
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 worst = 0;
    qint64 ticks = 0;

    void start()
    {
        clock.start();
        last = 0;
        worst = 0;
        ticks = 0;
        timer.setInterval(5);
        QObject::connect(&timer, &QTimer::timeout, [this] {
            const qint64 now = clock.elapsed();
            worst = std::max(worst, now - last);
            last = now;
            ++ticks;
        });
        timer.start();
    }
    void stop() { timer.stop(); timer.disconnect(); }
};

// Runs the event loop until `done` holds or `timeoutMs` passes. The loop blocks waiting for
// events between polls, so the probe above sees the GUI thread's own stalls, not a sleep of ours.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(2);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
    return done();
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int repeat = 500;
    if (const int i = args.indexOf(QStringLiteral("--repeat")); i >= 0 && i + 1 < args.size()) {
        repeat = args[i + 1].toInt();
        args.remove(i, 2);
    }
    QTemporaryDir dir;
    QString path = args.value(0);
    if (path.isEmpty()) {
        const QString root = sharedDataDir(QStringLiteral(LAB_SHARED_DATA_DIR));
        const QString source = root.isEmpty() ? QString() : root + QStringLiteral("/loghub/Hadoop/Hadoop_2k.log");
        QFile in(source);
        if (source.isEmpty() || !in.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "bench_log_view: loghub Hadoop_2k.log not found; pass a FILE\n");
            return 1;
        }
        const QByteArray block = in.readAll();
        path = dir.filePath(QStringLiteral("big.log"));
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly)) {
            std::fprintf(stderr, "bench_log_view: cannot write %s\n", qPrintable(path));
            return 1;
        }
        for (int i = 0; i < repeat; ++i)
            out.write(block);
    }

    QJsonObject result;
    result.insert(QStringLiteral("file_bytes"), QFileInfo(path).size());

    LogView view;
    view.resize(1400, 900);
    view.show();
    waitFor([&] { return view.windowHandle() && view.windowHandle()->isExposed(); }, 5000);

    // Open: returns at once; indexing runs while the event loop keeps ticking.
    LatencyProbe probe;
    QElapsedTimer clock;
    clock.start();
    const Status opened = view.openFile(path);
    if (!opened) {
        std::fprintf(stderr, "bench_log_view: %s\n", qPrintable(opened.error()));
        return 1;
    }
    result.insert(QStringLiteral("open_ms"), clock.elapsed());
    probe.start();
    waitFor([&] { return view.logFile()->isIndexed(); }, 600000);
    probe.stop();
    const qint64 lines = view.logFile()->lineCount();
    result.insert(QStringLiteral("lines"), lines);
    result.insert(QStringLiteral("index_ms"), clock.elapsed());
    result.insert(QStringLiteral("index_worst_gui_stall_ms"), probe.worst);

    // Painting: full repaints at random scroll positions (what scrolling costs per frame).
    QScrollBar *bar = view.textView()->verticalScrollBar();
    auto *rng = QRandomGenerator::global();
    constexpr int kPaints = 200;
    clock.restart();
    for (int i = 0; i < kPaints; ++i) {
        bar->setValue(int(rng->bounded(qint64(bar->maximum()) + 1)));
        view.textView()->viewport()->repaint();
    }
    result.insert(QStringLiteral("paint_ms_per_frame"), double(clock.elapsed()) / kPaints);

    // Level filter over every line (runs on the GUI thread).
    clock.restart();
    view.setLevelFilter(LogLevel::Error);
    result.insert(QStringLiteral("level_filter_ms"), clock.elapsed());
    result.insert(QStringLiteral("error_rows"), view.visibleRowCount());
    view.setLevelFilter(LogLevel::Unknown);

    // Search over every line in the background.
    probe.start();
    clock.restart();
    view.setSearch(QStringLiteral("Retrying connect to server: \\S+:80\\d0"));
    waitFor([&] { return !view.isSearching(); }, 600000);
    probe.stop();
    const qint64 searchMs = clock.elapsed();
    result.insert(QStringLiteral("search_ms"), searchMs);
    result.insert(QStringLiteral("search_lines_per_s"), searchMs > 0 ? double(lines) * 1000.0 / double(searchMs) : 0.0);
    result.insert(QStringLiteral("search_hits"), view.hitCount());
    result.insert(QStringLiteral("search_worst_gui_stall_ms"), probe.worst);

    // Template mining in the background.
    TemplatePanel panel;
    int templates = -1;
    QObject::connect(&panel, &TemplatePanel::miningFinished, [&templates](int count) { templates = count; });
    probe.start();
    clock.restart();
    panel.setLogFile(view.sharedLogFile());
    waitFor([&templates] { return templates >= 0; }, 600000);
    probe.stop();
    result.insert(QStringLiteral("mine_ms"), clock.elapsed());
    result.insert(QStringLiteral("templates"), templates);
    result.insert(QStringLiteral("mine_worst_gui_stall_ms"), probe.worst);

    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Indented).constData());
    return 0;
}
