#include "start_page.h"

#include "lesson_catalog.h"

#include <QCheckBox>
#include <QCommandLinkButton>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace optviz {

StartPage::StartPage(bool showAtStart, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("startPage"));
    setWindowTitle(tr("Welcome to optviz"));
    auto* layout = new QVBoxLayout(this);

    auto* heading = new QLabel(tr("<h2>optviz: optimization made visible</h2>"
                                  "<p>The update rules of torch.optim, exactly, on surfaces you "
                                  "can see. Each lesson opens a prepared scene with a short text "
                                  "beside the plot: what to look at, what to try.</p>"),
        this);
    heading->setWordWrap(true);
    layout->addWidget(heading);

    auto* list = new QWidget;
    auto* listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(2);
    const QList<Lesson>& lessons = builtInLessons();
    for (int i = 0; i < lessons.size(); ++i) {
        auto* button = new QCommandLinkButton(
            tr("%1. %2").arg(i + 1).arg(lessons[i].title()), lessons[i].summary(), list);
        connect(button, &QCommandLinkButton::clicked, this, [this, i] {
            accept(); // first: opening may ask about unsaved edits
            emit lessonChosen(i);
        });
        listLayout->addWidget(button);
        lessonButtons_.append(button);
    }
    listLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(list);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(scroll, 1);

    showAtStartBox_ = new QCheckBox(tr("Show this page when optviz starts"), this);
    showAtStartBox_->setChecked(showAtStart);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(tr("Go to the window"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(showAtStartBox_);
    bottom->addStretch(1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    // As large as the lessons need, but inside the screen (a 1024×768 projector, a
    // 1280×720 beamer): the list scrolls.
    const QRect available = (parent ? parent->screen() : screen())->availableGeometry();
    resize(std::min(760, available.width() * 9 / 10), std::min(680, available.height() * 85 / 100));
}

bool StartPage::showAtStart() const
{
    return showAtStartBox_->isChecked();
}

} // namespace optviz
