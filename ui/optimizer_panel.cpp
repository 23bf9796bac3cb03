#include "optimizer_panel.h"

#include "core/optimizer.h"
#include "translation.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace optviz {

namespace {

// Menu groups: the gradient-descent family, the adaptive methods, the methods that
// model curvature.
int familyOf(const OptimizerInfo& info)
{
    if (info.name == "sgd" || info.aliasOf == "sgd")
        return 0;
    if (info.usesHessian || info.name == "bfgs" || info.name == "lbfgs")
        return 2;
    return 1;
}

} // namespace

QIcon OptimizerPanel::addIcon() const
{
    // A plus drawn at the font's height, in the text colour.
    const int side = fontMetrics().height();
    const qreal ratio = devicePixelRatioF();
    QPixmap pixmap(QSize(side, side) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(palette().color(QPalette::ButtonText), std::max(1.5, side / 9.0),
        Qt::SolidLine, Qt::RoundCap));
    const double margin = side * 0.22;
    painter.drawLine(QPointF(side / 2.0, margin), QPointF(side / 2.0, side - margin));
    painter.drawLine(QPointF(margin, side / 2.0), QPointF(side - margin, side / 2.0));
    return QIcon(pixmap);
}

QSize OptimizerPanel::minimumSizeHint() const
{
    // A scroll area's own hints ignore its contents; only the height may scroll.
    const QMargins margins = layout()->contentsMargins();
    const int width = cardHolder_->minimumSizeHint().width()
        + scrollArea_->verticalScrollBar()->sizeHint().width() + margins.left() + margins.right();
    const QSize base = QWidget::minimumSizeHint();
    return {std::max(base.width(), width), base.height()};
}

QSize OptimizerPanel::sizeHint() const
{
    const QMargins margins = layout()->contentsMargins();
    const int width = cardHolder_->sizeHint().width()
        + scrollArea_->verticalScrollBar()->sizeHint().width() + margins.left() + margins.right();
    const QSize base = QWidget::sizeHint();
    return {std::max(base.width(), width), base.height()};
}

void OptimizerPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange) {
        addButton_->setIcon(addIcon());
        addButton_->setIconSize(QSize(fontMetrics().height(), fontMetrics().height()));
    }
    QWidget::changeEvent(event);
}

OptimizerPanel::OptimizerPanel(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 0, 6); // the scroll bar takes the right edge
    layout->setSpacing(6);

    auto* header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 6, 0);
    addButton_ = new QPushButton(tr("Add optimizer"), this);
    addMenu_ = new QMenu(addButton_);
    addMenu_->setToolTipsVisible(true);
    int family = 0;
    for (const OptimizerInfo& info : optimizerCatalog()) {
        if (familyOf(info) != family) {
            addMenu_->addSeparator();
            family = familyOf(info);
        }
        QAction* action = addMenu_->addAction(QStringLiteral("%1 — %2").arg(
            QString::fromStdString(info.name), coreText(info.summary)));
        const std::string name = info.name;
        connect(action, &QAction::triggered, this, [this, name] { addOptimizer(name); });
    }
    addButton_->setMenu(addMenu_);
    addButton_->setIcon(addIcon());
    header->addWidget(addButton_);
    header->addStretch(1);
    countLabel_ = new QLabel(this);
    countLabel_->setForegroundRole(QPalette::PlaceholderText);
    countLabel_->setToolTip(
        tr("Optimizers in the scene, of the %1 a scene may hold").arg(Scene::maxOptimizers));
    header->addWidget(countLabel_);
    layout->addLayout(header);

    scrollArea_ = new QScrollArea(this);
    scrollArea_->setWidgetResizable(true);
    scrollArea_->setFrameShape(QFrame::NoFrame);
    scrollArea_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    cardHolder_ = new QWidget;
    cardLayout_ = new QVBoxLayout(cardHolder_);
    cardLayout_->setContentsMargins(0, 0, 6, 0);
    cardLayout_->setSpacing(6);
    emptyLabel_ = new QLabel(tr("No optimizers. Add one with “Add optimizer” above."), cardHolder_);
    emptyLabel_->setWordWrap(true);
    emptyLabel_->setForegroundRole(QPalette::PlaceholderText);
    cardLayout_->addWidget(emptyLabel_);
    cardLayout_->addStretch(1);
    scrollArea_->setWidget(cardHolder_);
    layout->addWidget(scrollArea_, 1);

    updateLimits();
}

bool OptimizerPanel::sameShape(const Scene& scene) const
{
    if (scene.optimizers.size() != scene_.optimizers.size()
        || scene.optimizers.size() != cards_.size())
        return false;
    for (qsizetype i = 0; i < scene.optimizers.size(); ++i)
        if (scene.optimizers[i].name != scene_.optimizers[i].name)
            return false;
    return true;
}

void OptimizerPanel::setScene(const Scene& scene)
{
    if (!sameShape(scene)) {
        scene_ = scene;
        rebuildCards();
        return;
    }
    scene_ = scene;
    for (qsizetype i = 0; i < cards_.size(); ++i)
        if (!(cards_[i]->entry() == scene_.optimizers[i]))
            cards_[i]->setEntry(scene_.optimizers[i]);
}

void OptimizerPanel::rebuildCards()
{
    for (OptimizerCard* card : cards_) {
        cardLayout_->removeWidget(card);
        card->hide();
        card->deleteLater(); // it may be the sender of the remove request
    }
    cards_.clear();
    for (qsizetype i = 0; i < scene_.optimizers.size(); ++i) {
        auto* card = new OptimizerCard(scene_.optimizers[i], cardHolder_);
        connect(card, &OptimizerCard::entryChanged, this,
            [this, card](const OptimizerEntry& entry) { onEntryChanged(card, entry); });
        connect(card, &OptimizerCard::duplicateRequested, this,
            [this, card] { duplicateOptimizer(int(cards_.indexOf(card))); });
        connect(card, &OptimizerCard::removeRequested, this,
            [this, card] { removeOptimizer(int(cards_.indexOf(card))); });
        cardLayout_->insertWidget(int(i) + 1, card); // after the (hidden) empty label
        cards_.append(card);
    }
    updateLimits();
    updateGeometry(); // the minimum width may have changed with the cards
}

void OptimizerPanel::onEntryChanged(OptimizerCard* card, const OptimizerEntry& entry)
{
    const qsizetype index = cards_.indexOf(card);
    if (index < 0)
        return;
    scene_.optimizers[index] = entry;
    emit sceneEdited(scene_);
}

void OptimizerPanel::addOptimizer(const std::string& name)
{
    if (scene_.optimizers.size() >= Scene::maxOptimizers || !findOptimizer(name))
        return;
    scene_.optimizers.append(scene_.makeEntry(name));
    rebuildCards();
    OptimizerCard* added = cards_.last();
    // Once the layout has placed it.
    QTimer::singleShot(0, added, [this, added] { scrollArea_->ensureWidgetVisible(added); });
    emit sceneEdited(scene_);
}

void OptimizerPanel::duplicateOptimizer(int index)
{
    if (index < 0 || index >= scene_.optimizers.size()
        || scene_.optimizers.size() >= Scene::maxOptimizers)
        return;
    OptimizerEntry copy = scene_.optimizers[index];
    copy.colour = scene_.makeEntry(copy.name).colour; // the next free palette colour
    scene_.optimizers.insert(index + 1, copy);
    const bool expanded = cards_[index]->isAdvancedExpanded();
    rebuildCards();
    cards_[index]->setAdvancedExpanded(expanded);
    cards_[index + 1]->setAdvancedExpanded(expanded);
    emit sceneEdited(scene_);
}

void OptimizerPanel::removeOptimizer(int index)
{
    if (index < 0 || index >= scene_.optimizers.size())
        return;
    scene_.optimizers.removeAt(index);
    rebuildCards();
    emit sceneEdited(scene_);
}

void OptimizerPanel::setRunStatus(
    int optimizerIndex, const QString& text, OptimizerCard::StatusTone tone)
{
    if (OptimizerCard* target = card(optimizerIndex))
        target->setStatusText(text, tone);
}

void OptimizerPanel::clearRunStatus()
{
    for (OptimizerCard* card : cards_)
        card->setStatusText(QString());
}

void OptimizerPanel::updateLimits()
{
    const int count = int(scene_.optimizers.size());
    const bool room = count < Scene::maxOptimizers;
    addButton_->setEnabled(room);
    addButton_->setToolTip(room ? tr("Add an optimizer with its default settings and the next "
                                     "free colour")
                                : tr("A scene holds at most %1 optimizers; remove one first")
                                      .arg(Scene::maxOptimizers));
    for (OptimizerCard* card : cards_)
        card->setDuplicateEnabled(room);
    countLabel_->setText(tr("%1 of %2").arg(count).arg(Scene::maxOptimizers));
    emptyLabel_->setVisible(count == 0);
}

} // namespace optviz
