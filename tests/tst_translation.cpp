// The Simplified Chinese translation: the catalogue is compiled in and loads, it has no
// unfinished entry, every core text the window shows is in it, a window built in Chinese
// shows no English word outside an allow-list of technical names, every lesson has a
// Chinese title and text, and a CJK font is there to draw them.

#include "core/lr_schedule.h"
#include "core/network/dataset.h"
#include "core/optimizer.h"
#include "core/surface.h"
#include "ui/app_settings.h"
#include "ui/figure_export.h"
#include "ui/lesson_catalog.h"
#include "ui/main_window.h"
#include "ui/start_page.h"
#include "ui/translation.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFontDatabase>
#include <QFontInfo>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QRawFont>
#include <QRegularExpression>
#include <QSet>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTimer>
#include <QXmlStreamReader>

using namespace optviz;

namespace {

const QString tsPath = QStringLiteral(OPTVIZ_TEST_DATA_DIR "/../../translations/optviz_zh_CN.ts");

bool hasHan(const QString& text)
{
    for (const QChar c : text)
        if (c.script() == QChar::Script_Han)
            return true;
    return false;
}

// Words that stay as they are in the Chinese window: names of methods, surfaces, data
// sets and parameters (identifiers a scene file uses), file formats, keys, people.
QSet<QString> allowedWords()
{
    QSet<QString> words = {"optviz", "Adam", "AdamW", "Adamax", "NAdam", "RAdam", "SGD", "BFGS",
        "L-BFGS", "LBFGS", "RMSprop", "Adagrad", "Adadelta", "Rprop", "QHM", "QHAdam", "Nesterov",
        "Newton", "Hessian", "AMSGrad", "RMS", "PNG", "SVG", "PDF", "CSV", "JSON", "Ctrl", "Shift",
        "Space", "Home", "Esc", "Enter", "English", "torch", "optim", "lr_scheduler", "StepLR",
        "ExponentialLR", "CosineAnnealingLR", "LinearLR", "PCA", "PC", "Xavier", "He", "Li",
        "Wolfe", "Rosenbrock", "Himmelblau", "Beale", "Rastrigin", "Ackley", "Booth", "Matyas",
        "Styblinski", "Tang", "Goldstein", "Price", "sklearn", "make_moons", "logits", "logit",
        "softmax", "sigmoid", "tanh", "relu", "sin", "cos", "tan", "exp", "log", "sqrt", "abs",
        "sinh", "cosh", "atan", "pi", "lr", "px", "ReLU", "mse", "bce", "cross_entropy", "cli",
        "expr", "linreg", "tinynet", "json", "csv", "true", "false", "xy", "cx", "cy", "L2", "GIF",
        "optviz-cli", "max", "floor", "OpenGL", "clip_norm", "batch_size", "Page", "Up", "Down"};
    const auto addSpecs = [&words](const ParameterSpecs& specs) {
        for (const ParameterSpec& spec : specs)
            words.insert(QString::fromStdString(spec.name));
    };
    for (const OptimizerInfo& info : optimizerCatalog()) {
        words.insert(QString::fromStdString(info.name));
        addSpecs(info.parameters);
    }
    for (const SurfaceInfo& info : surfaceCatalog()) {
        words.insert(QString::fromStdString(info.name));
        addSpecs(info.parameters);
    }
    for (const ScheduleInfo& info : scheduleCatalog()) {
        words.insert(QString::fromStdString(info.name));
        addSpecs(info.parameters);
    }
    for (const DatasetInfo& info : datasetCatalog()) {
        words.insert(QString::fromStdString(info.name));
        addSpecs(info.parameters);
    }
    return words;
}

// The English words of a shown text that are not on the allow-list: HTML tags and
// entities, accelerators ("&F"), single letters (x, y, f) and units are not words.
QStringList englishWords(const QString& shown, const QSet<QString>& allowed)
{
    QString text = shown;
    // Sub- and superscripts are indices of formulas (g<sub>t</sub>).
    text.remove(QRegularExpression(QStringLiteral("<su[bp]>[^<]*</su[bp]>")));
    if (text.contains(QLatin1Char('<')))
        text = QTextDocumentFragment::fromHtml(text).toPlainText();
    text.remove(QRegularExpression(QStringLiteral("&(?=\\w)")));
    text.remove(QChar(0x200B)); // the break opportunities of long parameter names
    // Commands quoted as typed are not words either.
    text.remove(QRegularExpression(QStringLiteral("optviz-cli \\w+ --\\w+")));
    // Numbers in scientific notation (1e-3) and units are not words.
    text.remove(QRegularExpression(QStringLiteral("\\b\\d+(\\.\\d*)?e[-+]?\\d+\\b")));
    QStringList found;
    static const QRegularExpression word(QStringLiteral("[A-Za-z][A-Za-z_\\-]*[A-Za-z0-9]"));
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QString w = it.next().captured();
        if (!allowed.contains(w) && !allowed.contains(w.toLower()))
            found << w;
    }
    return found;
}

// Every text a user reads in `root`'s widgets and actions: action texts and tips, dock
// titles, labels, buttons, group boxes, tabs, combo box items and tool tips.
QStringList shownTexts(QWidget* root)
{
    QStringList texts;
    const auto add = [&texts](const QString& text) {
        if (!text.trimmed().isEmpty())
            texts << text;
    };
    for (QAction* action : root->findChildren<QAction*>()) {
        if (action->isSeparator())
            continue;
        add(action->text());
        if (action->toolTip() != action->text().remove(QLatin1Char('&')))
            add(action->toolTip());
        add(action->statusTip());
    }
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* widget : widgets) {
        if (qobject_cast<QMenu*>(widget) || qobject_cast<QDockWidget*>(widget) || widget == root)
            add(widget->windowTitle());
        add(widget->toolTip());
        if (auto* label = qobject_cast<QLabel*>(widget))
            add(label->text());
        else if (auto* button = qobject_cast<QAbstractButton*>(widget))
            add(button->text());
        else if (auto* group = qobject_cast<QGroupBox*>(widget))
            add(group->title());
        else if (auto* tabs = qobject_cast<QTabBar*>(widget))
            for (int i = 0; i < tabs->count(); ++i) {
                add(tabs->tabText(i));
                add(tabs->tabToolTip(i));
            }
        else if (auto* box = qobject_cast<QComboBox*>(widget))
            for (int i = 0; i < box->count(); ++i)
                add(box->itemData(i, Qt::ToolTipRole).toString());
    }
    return texts;
}

void checkChinese(QWidget* root)
{
    const QSet<QString> allowed = allowedWords();
    QStringList problems;
    for (const QString& text : shownTexts(root)) {
        const QStringList words = englishWords(text, allowed);
        if (!words.isEmpty())
            problems << QStringLiteral("\"%1\" (%2)").arg(text.left(120), words.join(", "));
    }
    problems.removeDuplicates();
    if (!problems.isEmpty())
        qWarning().noquote() << "Untranslated texts (translate them in "
                                "translations/optviz_zh_CN.ts, or allow-list a technical name "
                                "in tst_translation.cpp):\n  "
                + problems.join("\n  ");
    QCOMPARE(problems.size(), 0);
}

} // namespace

class TestTranslation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void languageSettings();
    void catalogueHasNoUnfinishedEntry();
    void coreTextsAreTranslated();
    void lessonsHaveChineseTitleAndText();
    void lessonHtmlBoldsTheChineseLeadIns();
    void sceneTranslationsRoundTrip();
    void sceneTranslationsAreValidated_data();
    void sceneTranslationsAreValidated();
    void windowIsChinese();
    void startPageIsChinese();
    void languageMenuStoresTheChoice();
    void cjkFontIsInstalled();
    void exportedFiguresDrawChinese();

private:
    QTemporaryDir dir_;
};

void TestTranslation::initTestCase()
{
    QVERIFY(dir_.isValid());
    QCOMPARE(uiLanguage(), QStringLiteral("en"));
    QCOMPARE(installTranslations(*QCoreApplication::instance(), QStringLiteral("zh_CN")),
        QStringLiteral("zh_CN"));
    QCOMPARE(uiLanguage(), QStringLiteral("zh_CN"));
    QCOMPARE(
        QCoreApplication::translate("optviz::MainWindow", "&File"), QStringLiteral("文件(&F)"));
    QCOMPARE(coreText("learning rate: how far each step moves"),
        QStringLiteral("学习率：每一步移动多远"));
}

void TestTranslation::languageSettings()
{
    QCOMPARE(languageChoices(),
        QStringList({QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("zh_CN")}));
    QCOMPARE(normalizedLanguage(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    QCOMPARE(normalizedLanguage(QStringLiteral("klingon")), QStringLiteral("system"));
    QCOMPARE(normalizedLanguage(QString()), QStringLiteral("system"));
    AppSettings settings(dir_.filePath("language.ini"));
    QCOMPARE(settings.language(), QStringLiteral("system")); // the default
    settings.setLanguage(QStringLiteral("en"));
    QCOMPARE(settings.language(), QStringLiteral("en"));
    settings.setLanguage(QStringLiteral("zh_TW")); // not offered: back to the system's
    QCOMPARE(settings.language(), QStringLiteral("system"));
}

void TestTranslation::catalogueHasNoUnfinishedEntry()
{
    QFile file(tsPath);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(tsPath));
    QXmlStreamReader xml(&file);
    int messages = 0;
    QStringList unfinished;
    QString source;
    bool live = true;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("message")) {
            ++messages;
            source.clear();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value("type").toString();
            live = type != QLatin1String("vanished") && type != QLatin1String("obsolete");
            const QString text = xml.readElementText();
            if (live && (type == QLatin1String("unfinished") || text.isEmpty()))
                unfinished << source.left(80);
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 400);
    QVERIFY2(unfinished.isEmpty(), qPrintable("unfinished: " + unfinished.join(" | ")));
}

void TestTranslation::coreTextsAreTranslated()
{
    // Every core text the window shows must be in ui/core_texts.cpp (for lupdate) and
    // translated; one that is not comes back unchanged from the translator.
    QStringList missing;
    const auto check = [&missing](const std::string& english) {
        const QString shown = coreText(english);
        if (!hasHan(shown))
            missing << QString::fromStdString(english);
    };
    const auto checkSpecs = [&check](const ParameterSpecs& specs) {
        for (const ParameterSpec& spec : specs)
            check(spec.meaning);
    };
    for (const OptimizerInfo& info : optimizerCatalog()) {
        check(info.summary);
        checkSpecs(info.parameters);
    }
    for (const ScheduleInfo& info : scheduleCatalog()) {
        check(info.summary);
        checkSpecs(info.parameters);
    }
    for (const SurfaceInfo& info : surfaceCatalog()) {
        checkSpecs(info.parameters);
        const std::string& d = info.definition;
        // Prose definitions are shown translated (the figure's title); formulas as they are.
        if (d.size() > 1 && std::islower(static_cast<unsigned char>(d[0]))
            && std::islower(static_cast<unsigned char>(d[1])))
            check(d);
    }
    for (const DatasetInfo& info : datasetCatalog()) {
        check(info.definition);
        checkSpecs(info.parameters);
    }
    QVERIFY2(missing.isEmpty(), qPrintable("not translated: " + missing.join(" | ")));
}

void TestTranslation::lessonsHaveChineseTitleAndText()
{
    const QList<Lesson>& lessons = builtInLessons();
    QVERIFY(lessons.size() >= 12); // a new lesson needs its Chinese too
    for (const Lesson& lesson : lessons) {
        const auto it = lesson.scene.translations.constFind(QStringLiteral("zh_CN"));
        QVERIFY2(it != lesson.scene.translations.cend(), qPrintable(lesson.path));
        QVERIFY2(hasHan(it->title) && hasHan(it->text), qPrintable(lesson.path));
        // The window shows them; the English title still names the lesson.
        QCOMPARE(lesson.title(), it->title);
        QCOMPARE(lesson.text(), it->text);
        QVERIFY(hasHan(lesson.summary()));
        QCOMPARE(lessonIndex(lesson.scene.title), int(&lesson - lessons.data()));
        // As many paragraphs as the English, with the same lead-ins.
        const QRegularExpression blank(QStringLiteral("\\n\\s*\\n"));
        QCOMPARE(it->text.split(blank).size(), lesson.scene.text.split(blank).size());
        QCOMPARE(it->text.contains(QStringLiteral("观察：")),
            lesson.scene.text.contains(QStringLiteral("Look at:")));
        QCOMPARE(it->text.contains(QStringLiteral("试试：")),
            lesson.scene.text.contains(QStringLiteral("Try:")));
    }
}

void TestTranslation::lessonHtmlBoldsTheChineseLeadIns()
{
    QCOMPARE(lessonHtml(QStringLiteral("观察：路径。\n\n试试：lr = 1。")),
        QStringLiteral("<p><b>观察：</b>路径。</p><p><b>试试：</b>lr = 1。</p>"));
}

void TestTranslation::sceneTranslationsRoundTrip()
{
    Scene scene = Scene::defaultScene();
    scene.title = QStringLiteral("Title");
    scene.text = QStringLiteral("Text");
    scene.translations.insert(
        QStringLiteral("zh_CN"), {QStringLiteral("标题"), QStringLiteral("正文")});
    scene.translations.insert(QStringLiteral("de"), {QStringLiteral("Titel"), QString()});
    const Scene back = Scene::fromJson(scene.toJson());
    QCOMPARE(back.translations, scene.translations);
    QCOMPARE(back.localizedTitle(QStringLiteral("zh_CN")), QStringLiteral("标题"));
    QCOMPARE(back.localizedText(QStringLiteral("de")), QStringLiteral("Text")); // none: English
    QCOMPARE(back.localizedTitle(QStringLiteral("fr")), QStringLiteral("Title"));
    // A scene without translations writes none (files stay as they were).
    QVERIFY(!Scene::defaultScene().toJson().contains(QStringLiteral("translations")));
}

void TestTranslation::sceneTranslationsAreValidated_data()
{
    QTest::addColumn<QJsonValue>("translations");
    QTest::addColumn<QString>("message");
    QTest::newRow("not an object") << QJsonValue(QStringLiteral("zh")) << "translations";
    QTest::newRow("bad language") << QJsonValue(QJsonObject {{"chinese", QJsonObject {}}})
                                  << "'translations': has the language 'chinese'";
    QTest::newRow("entry not an object")
        << QJsonValue(QJsonObject {{"zh_CN", QStringLiteral("标题")}}) << "translations.zh_CN";
    QTest::newRow("unknown field")
        << QJsonValue(QJsonObject {{"zh_CN", QJsonObject {{"titel", "x"}}}})
        << "translations.zh_CN.titel";
    QTest::newRow("title not a string")
        << QJsonValue(QJsonObject {{"zh_CN", QJsonObject {{"title", 3}}}})
        << "'translations.zh_CN.title': must be a string";
    QTest::newRow("text too long")
        << QJsonValue(QJsonObject {{"zh_CN", QJsonObject {{"text", QString(4001, u'字')}}}})
        << "'translations.zh_CN.text': is 4001 characters long; at most 4000";
    QJsonObject many;
    for (int i = 0; i < 17; ++i)
        many[QStringLiteral("l") + QChar(u'a' + i) + QChar(u'a' + i)] = QJsonObject {};
    QTest::newRow("too many") << QJsonValue(many) << "'translations': has 17 languages";
}

void TestTranslation::sceneTranslationsAreValidated()
{
    QFETCH(QJsonValue, translations);
    QFETCH(QString, message);
    QJsonObject json = Scene::defaultScene().toJson();
    json["translations"] = translations;
    try {
        Scene::fromJson(json);
        QFAIL("accepted");
    } catch (const InvalidArgument& error) {
        QVERIFY2(QString::fromUtf8(error.what()).contains(message), error.what());
    }
}

void TestTranslation::windowIsChinese()
{
    AppSettings settings(dir_.filePath("window.ini"));
    MainWindow window(settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    checkChinese(&window);
    // Every lesson: its surface's panel, its optimizers' cards, the lesson's text.
    for (int i = 0; i < builtInLessons().size(); ++i) {
        window.openLesson(i);
        QTest::qWait(20);
        checkChinese(&window);
    }
    // The network workspace builds its panels too.
    window.setWorkspace(MainWindow::Workspace::Network);
    QTest::qWait(50);
    checkChinese(&window);
}

void TestTranslation::startPageIsChinese()
{
    StartPage page(true);
    checkChinese(&page);
    QVERIFY(hasHan(page.windowTitle()));
}

void TestTranslation::languageMenuStoresTheChoice()
{
    AppSettings settings(dir_.filePath("menu.ini"));
    MainWindow window(settings);
    auto* menu = window.findChild<QMenu*>("languageMenu");
    QVERIFY(menu);
    QStringList data;
    QAction* english = nullptr;
    for (QAction* action : menu->actions()) {
        data << action->data().toString();
        QCOMPARE(action->isChecked(), action->data().toString() == QLatin1String("system"));
        if (action->data().toString() == QLatin1String("en"))
            english = action;
    }
    QCOMPARE(data, languageChoices());
    QVERIFY(english);
    // Choosing says it applies at the next start (a message box, closed here).
    bool told = false;
    QTimer::singleShot(0, this, [&told] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            told = hasHan(box->text());
            box->accept();
        }
    });
    english->trigger();
    QVERIFY(told);
    QCOMPARE(settings.language(), QStringLiteral("en"));
    QCOMPARE(AppSettings(dir_.filePath("menu.ini")).language(), QStringLiteral("en"));
}

void TestTranslation::cjkFontIsInstalled()
{
    // scripts/setup.sh installs fonts-wqy-microhei; figureFontFamilies() names it before the
    // other CJK families, and the figures' fonts list them after DejaVu Sans.
    const QStringList families = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
    QStringList found;
    for (const QString& family : figureFontFamilies())
        if (families.contains(family))
            found << family;
    QVERIFY2(!found.isEmpty(),
        qPrintable("no CJK font among " + figureFontFamilies().join(", ")
            + "; install fonts-wqy-microhei (scripts/setup.sh)"));
    const QFont font = figureFontWithFamilies(16);
    QCOMPARE(font.families(), figureFontFamilies());
    // The first one found is the one that is used, and it has the glyphs (not boxes).
    QFont cjk(found.first());
    cjk.setPixelSize(16);
    QCOMPARE(QFontInfo(cjk).family(), found.first());
    const QRawFont raw = QRawFont::fromFont(cjk, QFontDatabase::SimplifiedChinese);
    QVERIFY(raw.isValid());
    for (const char32_t c : {U'梯', U'度', U'优', U'化', U'器', U'：'})
        QVERIFY2(raw.supportsCharacter(c), qPrintable(QString::number(uint(c), 16)));
}

void TestTranslation::exportedFiguresDrawChinese()
{
    // The window's exports (the same renderer as optviz-cli render, here in Chinese): the
    // SVG holds the Chinese axis title as text, the PDF embeds the CJK font's glyphs.
    const Scene scene = builtInLessons().first().scene;
    const QString svg = dir_.filePath("figure.svg");
    const QString pdf = dir_.filePath("figure.pdf");
    QString error;
    QVERIFY2(renderSceneToFile(scene, svg, QSize(1200, 800), 1.0, &error), qPrintable(error));
    QVERIFY2(renderSceneToFile(scene, pdf, QSize(1200, 800), 1.0, &error), qPrintable(error));
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QString svgText = QString::fromUtf8(svgFile.readAll());
    QVERIFY(svgText.contains(QStringLiteral("步数"))); // the loss panel's "step"
    QVERIFY(svgText.contains(QStringLiteral("二次碗"))); // the title's surface name
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    const QByteArray pdfBytes = pdfFile.readAll();
    QVERIFY2(pdfBytes.contains("WenQuanYi") || pdfBytes.contains("NotoSansCJK")
            || pdfBytes.contains("SourceHanSans"),
        "the PDF embeds no CJK font");
}

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
