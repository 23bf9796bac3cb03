#include "discard_question.h"

#include <QCoreApplication>

namespace optviz {

QMessageBox::StandardButton askToDiscardEdits(
    QWidget* parent, const QString& sceneName, const QString& question)
{
    QMessageBox box(QMessageBox::Warning,
        QCoreApplication::translate("DiscardQuestion", "Unsaved edits"),
        QCoreApplication::translate(
            "DiscardQuestion", "The scene “%1” has edits that are not saved.")
            .arg(sceneName),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, parent);
    box.setObjectName("discardQuestion");
    box.setInformativeText(question + QLatin1Char(' ')
        + QCoreApplication::translate(
            "DiscardQuestion", "(Discarded edits come back with Edit ▸ Undo.)"));
    box.setDefaultButton(QMessageBox::Save);
    box.setEscapeButton(QMessageBox::Cancel);
    const int answer = box.exec();
    return answer == QMessageBox::Save || answer == QMessageBox::Discard
        ? QMessageBox::StandardButton(answer)
        : QMessageBox::Cancel; // closed another way
}

} // namespace optviz
