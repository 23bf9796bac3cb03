#pragma once

// What a user does with the keyboard, for the panels' tests.

#include <QLineEdit>
#include <QTest>

namespace optviz::testing {

// Replaces the entry's text by typing, as a user would, and commits with Return.
inline void typeInto(QLineEdit* entry, const QString& text)
{
    entry->setFocus();
    entry->selectAll();
    QTest::keyClick(entry, Qt::Key_Backspace);
    QTest::keyClicks(entry, text);
    QTest::keyClick(entry, Qt::Key_Return);
}

} // namespace optviz::testing
