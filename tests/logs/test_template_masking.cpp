// Masking of variable parts before template mining: each kind of value, what must stay, toggles.
#include "core/logs/template_masking.h"

#include <QTest>

using namespace lab;

class TestTemplateMasking : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void masks_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *name, const char *in, const char *out) {
            QTest::newRow(name) << QString::fromUtf8(in) << QString::fromUtf8(out);
        };
        // Numbers, signs, decimals, units, times and dates.
        row("integer", "Found child 6725 in scoreboard slot 10",
            "Found child <*> in scoreboard slot <*>");
        row("decimal", "time: 0.2477829", "time: <*>");
        row("negative", "offset -42 applied", "offset <*> applied");
        row("units", "size 512MB took 10ms", "size <*> took <*>");
        row("time", "at 15:16:01 today", "at <*> today");
        row("iso date", "2005-06-03-15.42.50.675872 done", "<*> done");
        row("key=value", "uid=0 euid=0 tty=NODEVssh", "uid=<*> euid=<*> tty=NODEVssh");
        row("calendar", "connection at Fri Jun 17 07:07:00 2005",
            "connection at <*> <*> <*> <*> <*>");
        row("calendar word alone", "Sun Microsystems JVM", "Sun Microsystems JVM");
        // IPs and ports, with and without a leading slash or a key.
        row("ip", "from 218.188.2.4 ok", "from <*> ok");
        row("ip port", "request /10.10.34.11:45307", "request /<*>");
        row("ip key", "rhost=218.188.2.4", "rhost=<*>");
        row("ipv6", "bound 0:0:0:0:0:0:0:2181", "bound <*>");
        // Ids: hex, UUIDs, block/attempt ids, rack names, Kubernetes pods.
        row("hex", "addr 0x7f3a1c flags 54fadb412c4e40cd", "addr <*> flags <*>");
        row("block id", "block blk_-6952295868487656571 and blk_38865049064139660",
            "block blk_<*> and blk_<*>");
        row("request id",
            "[req-38101a0b-2096-447d-96ea-a692162415ae 113d3a99c3da401fbd62cc2caa5b96d2 - -]",
            "[req-<*> <*> - -]");
        row("uuid letters only group", "instance 70c1714b-c11b-4c88-bdcc-c5c9d6d4bcc3 gone",
            "instance <*> gone");
        row("attempt id", "for application appattempt_1445144423722_0020_000001",
            "for application appattempt_<*>");
        row("rack node", "R02-M1-N0-C:J12-U11", "<*>-C:<*>");
        row("pod", "pod web-7d9f8b6c4-x2kq9 OOMKilled", "pod web-<*> OOMKilled");
        row("daemonset pod", "pod fluentd-x7k2p restarted", "pod fluentd-<*> restarted");
        row("empty value", "connection from 1.2.3.4 () at", "connection from <*> (<*>) at");
        // Paths, URLs, host names.
        row("path", "workerEnv.init() ok /etc/httpd/conf/workers2.properties",
            "workerEnv.init() ok <*>");
        row("http path", "\"GET /v2/54fadb412c4e40cd/servers/detail HTTP/1.1\" status: 200",
            "\"GET <*> HTTP/<*>\" status: <*>");
        row("url", "fetching https://example.com/a?b=1, retrying", "fetching <*>, retrying");
        row("windows path", "opened C:\\Users\\x\\log.txt", "opened <*>");
        row("host name", "(24-54-76-216.bflony.adelphia.net)", "(<*>)");
        row("relative path", "wrote ./out/part-0001.parquet", "wrote <*>");
        // What must stay: words, words with a digit, class names, file names, punctuation.
        row("words", "Registered signal handlers for [TERM, HUP, INT]",
            "Registered signal handlers for [TERM, HUP, INT]");
        row("digit words", "log4j ext4 workers2.properties", "log4j ext4 workers2.properties");
        row("class name", "org.apache.hadoop.mapreduce.v2.app.MRAppMaster started",
            "org.apache.hadoop.mapreduce.v2.app.MRAppMaster started");
        row("single slash", "tmp at /tmp", "tmp at /tmp");
        row("wildcard passes", "already <*> masked", "already <*> masked");
        row("whitespace", "  a \t b  ", "a b");
        row("empty", "", "");
        row("unicode", "Größe 42 Bytes für Datei", "Größe <*> Bytes für Datei");
    }

    void masks()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(maskMessage(input), expected);
    }

    void appendsToOutput()
    {
        // maskMessageInto appends and can be called with a reused buffer.
        std::string out = "prefix|";
        maskMessageInto("took 5 ms", {}, out);
        QCOMPARE(QString::fromStdString(out), QStringLiteral("prefix|took <*> ms"));
        out.clear();
        maskMessageInto("x=1", {}, out);
        QCOMPARE(QString::fromStdString(out), QStringLiteral("x=<*>"));
    }

    void togglesSwitchKindsOff()
    {
        TemplateMaskOptions noNumbers;
        noNumbers.numbers = false;
        QCOMPARE(maskMessage(u"took 10ms at 15:16:01", noNumbers),
                 QStringLiteral("took 10ms at 15:16:01"));
        // Ids are still masked without numbers.
        QCOMPARE(maskMessage(u"addr 0x7f3a", noNumbers), QStringLiteral("addr <*>"));

        TemplateMaskOptions noIds;
        noIds.ids = false;
        QCOMPARE(maskMessage(u"addr 0x7f3a 42", noIds), QStringLiteral("addr 0x7f3a <*>"));

        TemplateMaskOptions noPaths;
        noPaths.paths = false;
        QCOMPARE(maskMessage(u"open /etc/httpd/conf now", noPaths),
                 QStringLiteral("open /etc/httpd/conf now"));
        QCOMPARE(maskMessage(u"open /etc/httpd/conf now"), QStringLiteral("open <*> now"));
    }
};

QTEST_GUILESS_MAIN(TestTemplateMasking)
#include "test_template_masking.moc"
