// Cross-check with core/logs: the format the generator records for a log is the format the log
// reader detects from its lines, so imported and generated logs are parsed the same way.
#include "core/logs/log_format.h"
#include "core/synth/incident_generator.h"

#include <QTest>

using namespace lab::synth;

class TestSynthFormats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detectedFormatMatchesGroundTruth()
    {
        QStringList mismatches;
        int checked = 0;
        for (const KindInfo &info : allKinds()) {
            for (int i = 0; i < 8; ++i) {
                const Incident inc = generateIncident(500 + quint64(i), i, info.kind);
                QList<QByteArray> sample;
                for (const QString &line : inc.log.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                    sample << line.toUtf8();
                const QString detected = lab::formatId(lab::detectFormat(sample));
                ++checked;
                if (detected != inc.truth.format)
                    mismatches << QStringLiteral("%1: generated %2, detected %3").arg(inc.truth.kind, inc.truth.format, detected);
            }
        }
        for (const QString &m : std::as_const(mismatches))
            qInfo("%s", qPrintable(m));
        QVERIFY2(mismatches.isEmpty(), qPrintable(QStringLiteral("%1 of %2: ").arg(mismatches.size()).arg(checked)
                                                  + mismatches.mid(0, 60).join(QStringLiteral("; "))));
    }
};

QTEST_GUILESS_MAIN(TestSynthFormats)
#include "test_synth_formats.moc"
