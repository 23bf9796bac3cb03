#pragma once

#include <QFont>
#include <QString>
#include <QStringList>

#include <string>

namespace optviz {
struct ParameterSpec;
}

class QCoreApplication;

namespace optviz {

// The window's language. "system" follows QLocale::system(); "en" and "zh_CN" are
// fixed choices (View ▸ Language, kept in AppSettings). The UI is written in English,
// so English needs no translator.
inline constexpr const char* systemLanguage = "system";
QStringList languageChoices(); // {"system", "en", "zh_CN"}
// A language setting as stored: one of languageChoices(), anything else is "system".
QString normalizedLanguage(const QString& setting);

// Installs the translators for `setting` on the application: optviz's own catalogue
// (compiled in from translations/optviz_<lang>.ts as ":/i18n/optviz_<lang>.qm") and Qt's
// (standard dialogs' buttons), when the system has it. Returns the language in effect:
// "zh_CN" when the Chinese catalogue was installed, "en" otherwise. Call once, before any
// widget is built: the window does not retranslate itself while it runs.
QString installTranslations(QCoreApplication& application, const QString& setting);
// The language installTranslations() put in effect ("en" before it is called).
QString uiLanguage();

// Texts from the core (no Qt there: ParameterSpec meanings, optimizer and schedule
// summaries, data set and loss definitions) in the window's language. The catalogue
// context is "Core"; ui/core_texts.cpp lists every such text for lupdate.
QString coreText(const std::string& english);
// A surface's definition as the window shows it: "f(x, y) = formula", or the translated
// sentence for a surface defined in words (linreg, expr).
QString surfaceDefinitionText(const std::string& definition);
// ParameterSpec::rangeText() with its words translated ("integer in [1, 100]").
QString rangeText(const ParameterSpec& spec);

// Font families for figures and exports, in order of preference: DejaVu Sans for Latin
// and Greek, then CJK families so Chinese labels never fall to empty boxes (an SVG keeps
// the list in its font-family, a PDF embeds the glyphs of whichever family drew them).
QStringList figureFontFamilies();
QFont figureFontWithFamilies(int pixels, bool bold = false);

} // namespace optviz
