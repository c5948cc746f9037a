// bench_log_view: how the GUI's log view behaves on a big file. Not a test (ctest does not run
// it): it prints one JSON object with times and event-loop latencies, so that "stays responsive
// while indexing/searching" is a measured number, not a claim.
//
//   bench_log_view [--repeat N] [FILE]
// Without FILE it writes loghub Hadoop_2k repeated N times (default 500: 1M lines) to a
// temporary file. Run under QT_QPA_PLATFORM=offscreen.
#include "core/logs/log_file.h"
#include "shared_data.h"
#include "ui/log_text_view.h"
#include "ui/log_view.h"
#include "ui/template_panel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <cstdio>

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
        const QString source = lab::test::sharedData(QStringLiteral("loghub/Hadoop/Hadoop_2k.log"));
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
    QTest::qWaitForWindowExposed(&view);

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
    QTest::qWaitFor([&] { return view.logFile()->isIndexed(); }, 600000);
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
    QTest::qWaitFor([&] { return !view.isSearching(); }, 600000);
    probe.stop();
    const qint64 searchMs = clock.elapsed();
    result.insert(QStringLiteral("search_ms"), searchMs);
    result.insert(QStringLiteral("search_lines_per_s"), searchMs > 0 ? double(lines) * 1000.0 / double(searchMs) : 0.0);
    result.insert(QStringLiteral("search_hits"), view.hitCount());
    result.insert(QStringLiteral("search_worst_gui_stall_ms"), probe.worst);

    // Template mining in the background.
    TemplatePanel panel;
    QSignalSpy mined(&panel, &TemplatePanel::miningFinished);
    probe.start();
    clock.restart();
    panel.setLogFile(view.sharedLogFile());
    mined.wait(600000);
    probe.stop();
    result.insert(QStringLiteral("mine_ms"), clock.elapsed());
    result.insert(QStringLiteral("templates"), mined.isEmpty() ? -1 : mined.first().first().toInt());
    result.insert(QStringLiteral("mine_worst_gui_stall_ms"), probe.worst);

    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Indented).constData());
    return 0;
}
