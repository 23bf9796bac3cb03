#include "display_names.h"

#include <QCoreApplication>

#include <map>

namespace optviz {

namespace {

QString capitalised(const std::string& name)
{
    QString text = QString::fromStdString(name).replace('_', ' ');
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace

QString surfaceDisplayName(const std::string& name)
{
    static const std::map<std::string, const char*> names = {
        {"rosenbrock", "Rosenbrock"},
        {"quadratic", QT_TRANSLATE_NOOP("Surface", "Quadratic bowl")},
        {"beale", "Beale"},
        {"himmelblau", "Himmelblau"},
        {"saddle", QT_TRANSLATE_NOOP("Surface", "Saddle")},
        {"linreg", QT_TRANSLATE_NOOP("Surface", "Linear regression")},
        {"tinynet", QT_TRANSLATE_NOOP("Surface", "Tiny network")},
        {"rastrigin", "Rastrigin"},
        {"ackley", "Ackley"},
        {"booth", "Booth"},
        {"sixhump_camel", QT_TRANSLATE_NOOP("Surface", "Six-hump camel")},
        {"styblinski_tang", "Styblinski–Tang"},
        {"matyas", "Matyas"},
        {"goldstein_price", "Goldstein–Price"},
        {"expr", QT_TRANSLATE_NOOP("Surface", "Typed formula")},
    };
    if (const auto it = names.find(name); it != names.end())
        return QCoreApplication::translate("Surface", it->second);
    return capitalised(name);
}

QString scheduleDisplayName(const std::string& name)
{
    static const std::map<std::string, const char*> names = {
        {"constant", QT_TRANSLATE_NOOP("Schedule", "Constant")},
        {"step", QT_TRANSLATE_NOOP("Schedule", "Step")},
        {"exponential", QT_TRANSLATE_NOOP("Schedule", "Exponential")},
        {"cosine", QT_TRANSLATE_NOOP("Schedule", "Cosine")},
        {"warmup", QT_TRANSLATE_NOOP("Schedule", "Linear warm-up")},
    };
    if (const auto it = names.find(name); it != names.end())
        return QCoreApplication::translate("Schedule", it->second);
    return capitalised(name);
}

} // namespace optviz
