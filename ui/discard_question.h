#pragma once

#include <QMessageBox>

namespace optviz {

// The question before an action that would replace a scene with unsaved edits:
//   The scene “lesson.json” has edits that are not saved.
//   Save them before opening lesson 3? (Discarded edits come back with Edit ▸ Undo.)
//   [Save] [Discard] [Cancel]
// Modal (the caller goes on with the answer); Save is the default, Esc cancels. Returns
// QMessageBox::Save, Discard or Cancel.
QMessageBox::StandardButton askToDiscardEdits(
    QWidget* parent, const QString& sceneName, const QString& question);

} // namespace optviz
