#include "translation.h"

#include "core/parameter.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QTranslator>

namespace optviz {

namespace {
QString& currentLanguage()
{
    static QString language = QStringLiteral("en");
    return language;
}

// The language a "system" setting resolves to: Chinese for any Chinese locale that is
// written in Simplified characters (zh_CN, zh_SG, plain zh); English otherwise, since
// zh_TW and zh_HK readers expect Traditional characters, which this catalogue is not.
QString systemChoice()
{
    for (const QString& name : QLocale::system().uiLanguages()) {
        const QLocale locale(name);
        if (locale.language() != QLocale::Chinese)
            continue;
        return locale.script() == QLocale::TraditionalChineseScript ? QStringLiteral("en")
                                                                    : QStringLiteral("zh_CN");
    }
    return QStringLiteral("en");
}
} // namespace

QStringList languageChoices()
{
    return {QString::fromLatin1(systemLanguage), QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString normalizedLanguage(const QString& setting)
{
    return languageChoices().contains(setting) ? setting : QString::fromLatin1(systemLanguage);
}

QString installTranslations(QCoreApplication& application, const QString& setting)
{
    QString language = normalizedLanguage(setting);
    if (language == QLatin1String(systemLanguage))
        language = systemChoice();
    currentLanguage() = QStringLiteral("en");
    if (language == QLatin1String("en"))
        return currentLanguage();
    // Parented to the application: they live as long as it does.
    auto* own = new QTranslator(&application);
    if (!own->load(QStringLiteral(":/i18n/optviz_%1.qm").arg(language))) {
        qWarning("optviz: the %s translation is missing; the window stays in English",
            qPrintable(language));
        delete own;
        return currentLanguage();
    }
    QCoreApplication::installTranslator(own);
    // Qt's own strings (the buttons of file dialogs and message boxes), if the system has
    // its translations (Debian: qt6-translations-l10n); without them those stay English.
    auto* qt = new QTranslator(&application);
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    currentLanguage() = language;
    return language;
}

QString uiLanguage()
{
    return currentLanguage();
}

QString coreText(const std::string& english)
{
    return QCoreApplication::translate("Core", english.c_str());
}

QString surfaceDefinitionText(const std::string& definition)
{
    // Prose or formula is judged on the English text (a translation has no lower case):
    // a sentence starts with two words of lower-case letters ("a formula", "mean squared").
    static const QRegularExpression sentence(QStringLiteral("^[a-z]+ [a-z]+[ ,]"));
    const bool prose = sentence.match(QString::fromStdString(definition)).hasMatch();
    // A formula may hold a few words too ("rotated by −angle degrees"): translated when
    // the catalogue has it, as it is otherwise.
    const QString text = coreText(definition);
    return prose ? text : QStringLiteral("f(x, y) = ") + text;
}

QString rangeText(const ParameterSpec& spec)
{
    if (spec.scale != Scale::Integer)
        return QString::fromStdString(spec.rangeText());
    ParameterSpec real = spec;
    real.scale = Scale::Linear;
    return QCoreApplication::translate("Core", "integer in %1")
        .arg(QString::fromStdString(real.rangeText()));
}

QStringList figureFontFamilies()
{
    return {QStringLiteral("DejaVu Sans"), QStringLiteral("WenQuanYi Micro Hei"),
        QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Source Han Sans SC")};
}

QFont figureFontWithFamilies(int pixels, bool bold)
{
    QFont font;
    font.setFamilies(figureFontFamilies());
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(pixels);
    font.setBold(bold);
    return font;
}

} // namespace optviz
