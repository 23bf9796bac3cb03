#pragma once

#include <QDialog>

class QCheckBox;
class QCommandLinkButton;

namespace optviz {

// The start page: what optviz is in one line and the built-in lessons, each with its title
// and one line, ready to open. Shown at start (unless the teacher unticked "Show at
// start") and from Help → Start Page and Lessons → All Lessons.
class StartPage : public QDialog
{
    Q_OBJECT

public:
    explicit StartPage(bool showAtStart, QWidget* parent = nullptr);

    bool showAtStart() const;
    const QList<QCommandLinkButton*>& lessonButtons() const { return lessonButtons_; }

signals:
    void lessonChosen(int index);

private:
    QCheckBox* showAtStartBox_ = nullptr;
    QList<QCommandLinkButton*> lessonButtons_;
};

} // namespace optviz
