// The main window in German and in Simplified Chinese: the translators the lab installs are
// found (embedded .qm files), every string the window asks for during construction has a
// translation, and no menu or menu entry is left in English.
#include "ui/app_language.h"
#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace lab;

namespace {

// Sits in front of the installed translators and writes down every text none of them knows.
class MissRecorder : public QTranslator
{
public:
    QSet<QString> misses;
    QSet<QString> results; // what the catalogue gave back: "Training" may be German too
    QList<QTranslator *> inner;

    QString translate(const char *context, const char *source, const char *disambiguation, int n) const override
    {
        if (!source || !*source)
            return {};
        for (QTranslator *t : inner) {
            const QString found = t->translate(context, source, disambiguation, n);
            if (!found.isEmpty()) {
                const_cast<MissRecorder *>(this)->results.insert(found);
                return found;
            }
        }
        const_cast<MissRecorder *>(this)->misses.insert(QString::fromUtf8(context) + QStringLiteral(" | ") + QString::fromUtf8(source));
        return {};
    }
    bool isEmpty() const override { return false; }
};

struct MenuText
{
    QString path; // "Datei > Öffnen…" for messages
    QString text;
};

void collectMenus(const QMenu *menu, const QString &path, QList<MenuText> &out)
{
    for (QAction *a : menu->actions()) {
        if (a->isSeparator() || a->text().isEmpty())
            continue;
        out.append({path + QStringLiteral(" > ") + a->text(), a->text()});
        if (a->menu() && a->menu()->objectName() != QLatin1String("recentMenu"))
            collectMenus(a->menu(), path + QStringLiteral(" > ") + a->text(), out);
    }
}

QList<MenuText> menuTexts(const QMainWindow &window)
{
    QList<MenuText> out;
    for (QAction *top : window.menuBar()->actions()) {
        out.append({top->text(), top->text()});
        if (top->menu())
            collectMenus(top->menu(), top->text(), out);
    }
    return out;
}

// For the note and the README: the window with its File and Help menus open, painted
// into one picture (a grab of the window does not include popups).
void saveWithMenusOpen(QMainWindow &window, const QString &file)
{
    QTest::qWait(300);
    QPixmap shot = window.grab();
    QPainter painter(&shot);
    const QList<QAction *> tops = window.menuBar()->actions();
    for (QAction *top : {tops.first(), tops.last()}) {
        QMenu *menu = top->menu();
        const QRect at = window.menuBar()->actionGeometry(top);
        menu->popup(window.menuBar()->mapToGlobal(at.bottomLeft()));
        QTest::qWait(200);
        QPoint pos = window.mapFromGlobal(menu->pos());
        pos.setX(std::min(pos.x(), shot.width() - menu->width()));
        painter.drawPixmap(pos, menu->grab());
        menu->hide();
    }
    painter.end();
    if (!shot.save(file))
        qWarning("could not write %s", qPrintable(file));
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // Builds the main window under `language` and returns its menu texts; `misses` gets the
    // strings the translation catalogue lacked.
    QList<MenuText> windowIn(const QString &language, QSet<QString> &misses, QSet<QString> &results)
    {
        // The translators installTranslators() adds are children of the application: take them
        // out of the lookup again after this window.
        const QList<QTranslator *> before = qApp->findChildren<QTranslator *>();
        const QString loaded = installTranslators(*qApp, language);
        if (!loaded.startsWith(language.left(2))) { // "de" loads the catalogue of language "de_DE"
            qWarning("installTranslators(%s) loaded %s", qPrintable(language), qPrintable(loaded));
            return {};
        }
        MissRecorder recorder;
        for (QTranslator *t : qApp->findChildren<QTranslator *>())
            if (!before.contains(t)) {
                QCoreApplication::removeTranslator(t);
                recorder.inner.append(t);
            }
        QCoreApplication::installTranslator(&recorder);
        QSettings settings(m_dir.filePath(language + QStringLiteral(".ini")), QSettings::IniFormat);
        QList<MenuText> texts;
        {
            MainWindow window(settings);
            window.resize(1200, 700);
            window.show();
            texts = menuTexts(window);
            if (const QString dir = qEnvironmentVariable("LAB_SCREENSHOT_DIR"); !dir.isEmpty())
                saveWithMenusOpen(window, dir + QStringLiteral("/main-window-") + language + QStringLiteral(".png"));
        }
        QCoreApplication::removeTranslator(&recorder);
        qDeleteAll(recorder.inner);
        QLocale::setDefault(QLocale::c());
        misses = recorder.misses;
        results = recorder.results;
        return texts;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("rlhf-lab-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_translations"));
    }

    void englishNeedsNoTranslator()
    {
        QCOMPARE(installTranslators(*qApp, QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(qApp->findChildren<QTranslator *>().size(), 0);
        QLocale::setDefault(QLocale::c());
    }

    void mainWindowInGermanHasNoEnglishLeft_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("fileMenu");
        QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("&Datei");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("文件(&F)");
    }

    void mainWindowInGermanHasNoEnglishLeft()
    {
        QFETCH(QString, language);
        QFETCH(QString, fileMenu);

        QSettings englishSettings(m_dir.filePath(QStringLiteral("en.ini")), QSettings::IniFormat);
        QList<MenuText> english;
        {
            MainWindow window(englishSettings);
            english = menuTexts(window);
        }
        QSet<QString> misses;
        QSet<QString> results;
        const QList<MenuText> translated = windowIn(language, misses, results);
        QVERIFY2(!translated.isEmpty(), "the translation was not loaded");
        QCOMPARE(translated.first().text, fileMenu);
        QVERIFY2(misses.isEmpty(), qPrintable(QStringList(misses.values()).join(QLatin1Char('\n'))));

        // The same menus, entry for entry, and none still reads as its English text unless the
        // catalogue says so (German "Training" is "Training").
        QCOMPARE(translated.size(), english.size());
        QStringList untranslated;
        for (int i = 0; i < english.size(); ++i) {
            if (english[i].text == translated[i].text && !results.contains(translated[i].text))
                untranslated << translated[i].path;
        }
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
