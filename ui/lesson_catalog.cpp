#include "lesson_catalog.h"

#include "translation.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QtGlobal>

// A static library's resources are registered by hand (Q_INIT_RESOURCE must be called
// outside any namespace).
static void initLessonResources()
{
    Q_INIT_RESOURCE(lessons);
}

namespace optviz {

QString Lesson::title() const
{
    return scene.localizedTitle(uiLanguage());
}

QString Lesson::text() const
{
    return scene.localizedText(uiLanguage());
}

QString Lesson::summary() const
{
    return text().section(QStringLiteral("\n\n"), 0, 0).simplified();
}

const QList<Lesson>& builtInLessons()
{
    static const QList<Lesson> lessons = [] {
        initLessonResources();
        QList<Lesson> list;
        const QDir folder(QStringLiteral(":/lessons"));
        const QStringList files
            = folder.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        for (const QString& file : files) {
            Lesson lesson;
            lesson.path = folder.filePath(file);
            try {
                lesson.scene = Scene::load(lesson.path);
            } catch (const InvalidArgument& error) {
                qWarning("lesson %s is left out: %s", qPrintable(file), error.what());
                continue;
            }
            list.append(lesson);
        }
        return list;
    }();
    return lessons;
}

int lessonIndex(const QString& title)
{
    if (title.isEmpty())
        return -1;
    const QList<Lesson>& lessons = builtInLessons();
    for (int i = 0; i < lessons.size(); ++i)
        if (lessons[i].scene.title == title)
            return i;
    return -1;
}

QString lessonHtml(const QString& text)
{
    QString html;
    const QStringList paragraphs
        = text.split(QRegularExpression(QStringLiteral("\\n\\s*\\n")), Qt::SkipEmptyParts);
    for (const QString& paragraph : paragraphs) {
        QString escaped = paragraph.trimmed().toHtmlEscaped();
        escaped.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        // The translated lessons start their paragraphs with the translated lead-ins.
        for (const QString& leadIn : {QStringLiteral("Look at:"), QStringLiteral("Try:"),
                 QCoreApplication::translate("Lesson", "Look at:"),
                 QCoreApplication::translate("Lesson", "Try:")})
            if (escaped.startsWith(leadIn))
                escaped = QStringLiteral("<b>%1</b>%2").arg(leadIn, escaped.mid(leadIn.size()));
        html += QStringLiteral("<p>%1</p>").arg(escaped);
    }
    return html;
}

} // namespace optviz
